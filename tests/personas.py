"""Five kinds of sales rep, as answers to the real questionnaire.

Each persona says, per phase, how many points (0, 25, 50, 75, 100) the answers should give,
cycling through the list for the phase's statements; minus-keyed statements get the mirrored
answer. ``agree_all`` instead answers 5 ("trifft voll zu") everywhere. A persona takes the base
test: version 3's reserve statements stay NOT_ASKED.
"""

from __future__ import annotations

from quiz.model import NOT_ASKED, Questionnaire

PERSONAS = {
    # about 70 / 90 / 100 and then gone: the curve of the average seller
    "classic_curve": {"first_contact": [75], "proposal": [100, 75], "closing": [100], "after_sale": [25, 0]},
    "top_seller": {"first_contact": [100], "proposal": [100], "closing": [100], "after_sale": [100]},
    "steady_average": {"first_contact": [50], "proposal": [50], "closing": [50], "after_sale": [50]},
    "slow_starter": {"first_contact": [25], "proposal": [50], "closing": [75], "after_sale": [100]},
    "fader": {"first_contact": [75], "proposal": [75], "closing": [75], "after_sale": [75, 50]},
    "agree_all": None,
}


def answers_for(questionnaire: Questionnaire, persona: str) -> list[int]:
    plan = PERSONAS[persona]
    if plan is None:
        return [NOT_ASKED if statement.reserve else 5 for statement in questionnaire.statements]
    answers, seen = [], {phase: 0 for phase in plan}
    for statement in questionnaire.statements:
        if statement.reserve:
            answers.append(NOT_ASKED)
            continue
        points = plan[statement.phase][seen[statement.phase] % len(plan[statement.phase])]
        seen[statement.phase] += 1
        step = points // 25
        answers.append(1 + step if statement.keyed == "plus" else 5 - step)
    return answers
