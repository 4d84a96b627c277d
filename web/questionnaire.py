"""The questionnaire pages. Answers travel only in POST bodies (hidden fields): never in URLs,
cookies, logs or server storage; every page here is sent with Cache-Control: no-store."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for

from kb.i18n import _
from web.help_lists import help_list, resources_for
from web.pages import current_kb
from web.result_cards import known_results
from web.security import NO_STORE_ENDPOINTS
from web.templating import emergency_number
from wizard.answers import check_answers
from wizard.assess import assess
from wizard.elements import INTENT_NOTE
from wizard.flow import (
    countries,
    effective_answers,
    load_flow,
    next_question,
    previous_question,
    progress,
    regions,
    relevant_facts,
    shown_keys,
)
from wizard.results import at_a_glance, group_results

bp = Blueprint("questionnaire", __name__, url_prefix="/questions")
HIDDEN_PREFIX = "a_"


def _posted_answers(kb, flow) -> dict[str, str]:
    """Read the hidden answers of a POST; refuse tampered ones with a clear 400."""
    raw = {key[len(HIDDEN_PREFIX) :]: value for key, value in request.form.items() if key.startswith(HIDDEN_PREFIX)}
    answers, errors = check_answers(raw, kb, flow)
    if errors:
        abort(
            400,
            description=_(
                "Some answers could not be read, so we could not go on. Please start again: %(problem)s.", problem=errors[0].message
            ),
        )
    return answers


def _prune(flow, kb, answers: dict[str, str]) -> dict[str, str]:
    """Drop answers that no longer fit: a region outside the chosen country, a hidden question's answer."""
    country = answers.get("country")
    region = answers.get("jurisdiction")
    if country and region and kb.jurisdiction(region) and kb.jurisdiction(region).country != country:
        answers.pop("jurisdiction")
    for question in flow.questions:
        if question.show_if is not None and not shown_keys(question, kb, effective_answers(kb, answers)):
            for key in question.keys:
                answers.pop(key, None)
    return answers


def _read_answer(question, kb, answers) -> tuple[dict[str, str], str | None]:
    """Read the visible answer to `question` from the form; return new answers or an error message."""
    form = request.form
    keys = shown_keys(question, kb, effective_answers(kb, answers))
    if question.kind == "multi":
        ticked = set(form.getlist("ticked"))
        unsure = form.get("unsure_some") == "yes"
        return {key: ("yes" if key in ticked else ("unsure" if unsure else "no")) for key in keys}, None
    value = form.get("answer", "")
    if not value:
        return {}, _("Choose an answer. If you do not know, choose \u201cI\u2019m not sure\u201d.")
    return {keys[0] if keys else (question.fact or question.step): value}, None


def _render_question(flow, kb, answers, question, error=None, status=200):
    number, total = progress(flow, kb, effective_answers(kb, answers), question)
    options = _options(question, kb, effective_answers(kb, answers))
    keys = shown_keys(question, kb, effective_answers(kb, answers))
    return (
        render_template(
            "questionnaire/question.html",
            question=question,
            options=options,
            keys=keys,
            answers=answers,
            hidden={k: v for k, v in answers.items() if k not in keys},
            current=answers,
            unsure_some=any(answers.get(key) == "unsure" for key in keys),
            number=number,
            total=total,
            error=error,
        ),
        status,
    )


def _options(question, kb, answers) -> list[tuple[str, str]]:
    if question.kind == "country":
        return list(countries(kb).items())
    if question.kind == "region" and answers.get("country") in countries(kb):
        country = answers["country"]
        return list(regions(kb, country).items()) + [
            (country, _("I\u2019m not sure (show %(country)s national law)", country=_(countries(kb)[country])))
        ]
    if question.kind in ("region", "jurisdiction"):  # a region asked before any country (a hand-made request): offer every place
        return [(j.id, j.name) for _, _, members in kb.by_country() for j in members] + [("unsure", _("I\u2019m not sure"))]
    if question.kind == "multi":
        keys = shown_keys(question, kb, answers)
        return [(key, label) for key, label in question.options.items() if key in keys]
    return list(question.answers.items())


@bp.get("")
def start():
    """Show the first question; nothing has been answered, so nothing is carried."""
    kb, flow = current_kb(), load_flow()
    question = next_question(flow, kb, {})
    return _render_question(flow, kb, {}, question)


@bp.post("")
def answer():
    """Take one answer (or Back, or Change), then show the next question or the review page."""
    kb, flow = current_kb(), load_flow()
    answers = _posted_answers(kb, flow)
    question = flow.question(request.form.get("question", ""))
    if "goto" in request.form:
        target = flow.question(request.form["goto"])
        if target is None:
            abort(400, description=_("That question does not exist. Please start again."))
        return _render_question(flow, kb, answers, target)
    if request.form.get("nav") == "review":
        return _review(flow, kb, answers)
    if request.form.get("nav") == "stay" and question is not None:  # the same question again (a language switch)
        return _render_question(flow, kb, answers, question)
    if request.form.get("nav") == "back":
        previous = previous_question(flow, kb, answers, question.id if question else None)
        return _render_question(flow, kb, answers, previous) if previous else redirect(url_for("questionnaire.start"), 303)
    if question is not None:
        new, error = _read_answer(question, kb, answers)
        if error:
            return _render_question(flow, kb, answers, question, error=error, status=422)
        checked, errors = check_answers(new, kb, flow)
        if errors:
            message = _("%(problem)s. Choose one of the answers shown.", problem=errors[0].message)
            return _render_question(flow, kb, answers, question, error=message, status=422)
        answers = _prune(flow, kb, {**answers, **checked})
    following = next_question(flow, kb, answers)
    if following is not None:
        return _render_question(flow, kb, answers, following)
    return _review(flow, kb, answers)


def _answer_rows(flow, kb, answers) -> list[tuple]:
    """Each question asked, with the answer given in the reader's words."""
    effective = effective_answers(kb, answers)
    relevant = relevant_facts(kb, effective)
    shown = ((q, shown_keys(q, kb, effective, relevant)) for q in flow.questions)
    return [(q, _answer_text(q, keys, effective, kb)) for q, keys in shown if keys]


def _review(flow, kb, answers):
    return render_template("questionnaire/review.html", rows=_answer_rows(flow, kb, answers), hidden=answers)


def _answer_text(question, keys, answers, kb) -> str:
    if question.kind == "multi":
        ticked = [question.options[k] for k in keys if answers.get(k) == "yes"]
        unsure = any(answers.get(k) == "unsure" for k in keys)
        text = "; ".join(_(label) for label in ticked) if ticked else _("None of these")
        return text + (" " + _("(not sure about some)") if unsure else "")
    value = answers.get(keys[0], "")
    if not value:  # a hand-made request can leave out a question that was asked
        return _("No answer")
    if question.kind in ("country", "region", "jurisdiction"):
        options = dict(_options(question, kb, answers))
        return options.get(value, value)
    return _(question.answers.get(value, value))


@bp.post("/results")
def results():
    """Show which laws may fit, from the answers posted with the review page."""
    kb, flow = current_kb(), load_flow()
    answers = effective_answers(kb, _posted_answers(kb, flow))
    jurisdiction = kb.jurisdiction(answers.get("jurisdiction", ""))
    if jurisdiction is None:
        return redirect(url_for("questionnaire.start"), 303)
    groups = group_results(assess(kb, jurisdiction.id, answers, known_results()))
    glance = at_a_glance(groups, kb, jurisdiction.id)
    order_place = kb.jurisdiction(glance.order.law.jurisdiction_id).name if glance.order else jurisdiction.name
    return render_template(
        "questionnaire/results.html",
        jurisdiction=jurisdiction,
        groups=groups,
        glance=glance,
        order_place=order_place,
        emergency_number=emergency_number(jurisdiction.country),
        intent_note=INTENT_NOTE,
        help_count=len(resources_for(kb, jurisdiction.id)),
        help_items=help_list(jurisdiction.id),
        answer_rows=_answer_rows(flow, kb, answers),
        hidden=answers,
    )


@bp.get("/results")
@bp.get("/start-over")
def restart():
    """An address reached again without its form (Back or Reload after the page cleared its form
    from history): the answers are gone, so start again."""
    return redirect(url_for("questionnaire.start"), 303)


@bp.post("/start-over")
def start_over():
    """Forget everything: the answers were only ever in the page, so a fresh page clears them."""
    return redirect(url_for("questionnaire.start"), 303)


NO_STORE_ENDPOINTS.update(
    {"questionnaire.start", "questionnaire.answer", "questionnaire.results", "questionnaire.start_over", "questionnaire.restart"}
)
