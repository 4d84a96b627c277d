"""The questionnaire and the assessment: pure functions over answers and the knowledge base.

Nothing here imports Flask. `next_question` drives the interview; `assess` turns answers into
which laws may apply, element by element.
"""

from wizard.assess import LawResult, assess
from wizard.flow import Flow, load_flow, next_question

__all__ = ["Flow", "LawResult", "assess", "load_flow", "next_question"]
