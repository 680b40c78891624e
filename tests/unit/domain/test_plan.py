"""The development plan's rules: valid actions with Dutch refusals, order, overdue, and what moved."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from wegwijzer.domain import plan
from wegwijzer.domain.records import Answer, PlanAction, SessionRecord

TODAY = dt.date(2026, 12, 3)


def action(id: int = 1, theme: int = 5, due: dt.date | None = TODAY, status: str = "gepland", session: int = 1,
           person: int = 1, **fields) -> PlanAction:
    values = dict(what="Iets doen", support="", look_back="", created_at="2026-01-01T10:00:00+00:00",
                  updated_at="2026-01-01T10:00:00+00:00")
    values.update(fields)
    return PlanAction(id=id, person_id=person, session_id=session, theme=theme, due=due, status=status, **values)


def session(id: int, created: str, person: int = 1) -> SessionRecord:
    return SessionRecord(id=id, person_id=person, label=f"S{id}", scope_kind="alle", scope_key="",
                         perspective="zittend", themes=tuple(range(1, 101)), status="afgerond", created_at=created,
                         updated_at=created, completed_at=created)


# --- valid actions -------------------------------------------------------------------------------------


def test_a_new_action_is_planned_cleaned_and_keeps_its_fields():
    draft = plan.new_action(12, "  Gesprek\n met de\tburgemeester ", TODAY, " Mijn coach ", TODAY)
    assert (draft.theme, draft.what, draft.due, draft.support, draft.status, draft.look_back) == (
        12, "Gesprek met de burgemeester", TODAY, "Mijn coach", "gepland", "")


@pytest.mark.parametrize(("what", "due", "support", "message"), [
    ("", TODAY, "", "Schrijf op wat je gaat doen."),
    (" \u0000\u0007 \n", TODAY, "", "Schrijf op wat je gaat doen."),
    ("x" * 301, TODAY, "", "Houd de omschrijving kort: hoogstens 300 tekens (nu 301)."),
    ("Iets", None, "", "Kies een datum waarop je de actie af wilt hebben."),
    ("Iets", TODAY - dt.timedelta(days=1), "", "Kies een datum vanaf vandaag; 2 december 2026 is al voorbij."),
    ("Iets", dt.date(2032, 1, 1), "", "Kies een datum binnen 5 jaar."),
    ("Iets", dt.datetime(2027, 1, 1, 10, 0), "", "Kies een datum waarop je de actie af wilt hebben."),
    ("Iets", TODAY, "y" * 201, "Houd het veld ‘met wie of welke steun’ kort: hoogstens 200 tekens (nu 201)."),
])
def test_bad_input_is_refused_in_dutch(what, due, support, message):
    with pytest.raises(plan.PlanError) as info:
        plan.new_action(1, what, due, support, TODAY)
    assert info.value.message == message


def test_the_limits_themselves_are_allowed():
    draft = plan.new_action(1, "x" * 300, dt.date(2031, 12, 3), "y" * 200, TODAY)
    assert len(draft.what) == 300 and len(draft.support) == 200


def test_a_look_back_of_5000_characters_is_refused_and_2000_fit():
    with pytest.raises(plan.PlanError) as info:
        plan.with_status(action(), "gedaan", "x" * 5000)
    assert info.value.message == "Houd je terugblik kort: hoogstens 2.000 tekens (nu 5.000)."
    assert plan.with_status(action(), "gedaan", "x" * 2000).look_back == "x" * 2000


def test_status_changes_keep_the_look_back_unless_a_new_one_is_given():
    done = plan.with_status(action(look_back="Ging goed"), "bezig")
    assert (done.status, done.look_back) == ("bezig", "Ging goed")
    again = plan.with_status(action(), "losgelaten", "  Past niet meer\u0000\n\n  bij de organisatie ")
    assert again.look_back == "Past niet meer\n\nbij de organisatie"
    with pytest.raises(plan.PlanError, match="Kies een status: gepland, bezig, gedaan of losgelaten."):
        plan.with_status(action(), "klaar")


def test_a_changed_action_checks_only_a_date_that_changes():
    overdue = action(due=TODAY - dt.timedelta(days=10))
    kept = plan.changed_action(overdue, "Beter omschreven", overdue.due, "", TODAY)
    assert (kept.what, kept.due) == ("Beter omschreven", overdue.due)
    with pytest.raises(plan.PlanError, match="al voorbij"):
        plan.changed_action(overdue, "Iets", TODAY - dt.timedelta(days=1), "", TODAY)
    carried = action(due=None, what="x" * 800)  # a one-line action from before the plan
    assert plan.changed_action(carried, "Korter", None, "", TODAY).due is None
    with pytest.raises(plan.PlanError, match="hoogstens 300 tekens"):
        plan.changed_action(carried, carried.what, None, "", TODAY)  # a change must fit the plan's limit
    assert plan.changed_action(carried, "Korter", TODAY, "", TODAY).due == TODAY


def test_a_one_line_action_is_carried_over_without_a_date():
    assert plan.carried_over(3, "  Gesprek  plannen ") == plan.ActionDraft(3, "Gesprek plannen", None)
    assert plan.carried_over(3, " \n ") is None
    assert len(plan.carried_over(3, "x" * 1500).what) == 1000


def test_the_next_reflection_is_three_months_on_or_the_last_day_of_that_month():
    assert plan.suggested_reflection(dt.date(2026, 12, 3)) == dt.date(2027, 3, 3)
    assert plan.suggested_reflection(dt.date(2026, 11, 30)) == dt.date(2027, 2, 28)
    assert plan.suggested_reflection(dt.date(2027, 11, 30)) == dt.date(2028, 2, 29)
    assert plan.months_on(dt.date(2026, 10, 31), 2) == dt.date(2026, 12, 31)
    assert plan.months_on(dt.date(2028, 2, 29), 60) == dt.date(2033, 2, 28)  # the five-year limit of a due date


@pytest.mark.parametrize(("typed", "day"), [("3-1-2027", dt.date(2027, 1, 3)), ("03-01-2027", dt.date(2027, 1, 3)),
                                             ("3/1/27", dt.date(2027, 1, 3)), (" 2027-01-03 ", dt.date(2027, 1, 3)),
                                             ("3-12-2026", TODAY), ("3 januari 2027", dt.date(2027, 1, 3)),
                                             ("3 Jan. 2027", dt.date(2027, 1, 3)), ("29 februari 2028", dt.date(2028, 2, 29))])
def test_a_typed_due_date_is_read_day_first(typed, day):
    assert plan.parse_due(typed, TODAY) == day


@pytest.mark.parametrize(("typed", "message"), [
    ("31-2-2027", "31-2-2027 bestaat niet: februari 2027 heeft 28 dagen."),
    ("31/4/27", "31/4/27 bestaat niet: april 2027 heeft 30 dagen."),
    ("3-13-2027", "3-13-2027 bestaat niet: een jaar heeft 12 maanden."),
    ("30 februari 2027", "‘30 februari 2027’ is geen datum die we kunnen lezen."),
    ("3 januari", "‘3 januari’ is geen datum die we kunnen lezen. Schrijf dag-maand-jaar, bijvoorbeeld 3-1-2027 "
                  "of 3 januari 2027."),
    ("", "is geen datum die we kunnen lezen"),
    ("2-12-2026", "Kies een datum vanaf vandaag; 2 december 2026 is al voorbij."),
    ("1-1-2040", "Kies een datum binnen 5 jaar."),
])
def test_a_typed_due_date_that_is_no_date_or_in_the_past_is_refused_in_dutch(typed, message):
    with pytest.raises(plan.PlanError, match=message):
        plan.parse_due(typed, TODAY)


def test_the_offered_due_dates_name_their_day():
    presets = plan.due_presets(TODAY)
    assert list(presets.values()) == ["over twee weken (17 december 2026)", "over een maand (3 januari 2027)",
                                      "over drie maanden (3 maart 2027)", "over een half jaar (3 juni 2027)",
                                      "over een jaar (3 december 2027)"]
    assert all(plan.check_due(day, TODAY) == day for day in presets)


# --- reading a plan ----------------------------------------------------------------------------------


def test_by_due_date_with_the_undated_last_and_overdue_only_when_open():
    actions = [action(1, due=None), action(2, due=TODAY + dt.timedelta(days=3)), action(3, theme=2, due=TODAY),
               action(4, theme=1, due=TODAY), action(5, due=TODAY - dt.timedelta(days=1), status="bezig"),
               action(6, due=TODAY - dt.timedelta(days=2), status="gedaan"),
               action(7, due=TODAY - dt.timedelta(days=3), status="losgelaten"),
               action(8, due=TODAY - dt.timedelta(days=30))]
    assert [a.id for a in plan.by_due(actions)] == [8, 7, 6, 5, 4, 3, 2, 1]
    assert [a.id for a in plan.overdue(actions, TODAY)] == [8, 5]  # due today is not overdue yet
    assert [a.id for a in plan.open_actions(actions)] == [8, 5, 4, 3, 2, 1]


def test_the_counts_say_how_the_plan_stands():
    actions = [action(1, due=TODAY - dt.timedelta(days=1)), action(2, status="bezig"), action(3, status="gedaan"),
               action(4, status="gedaan"), action(5, status="losgelaten", due=TODAY - dt.timedelta(days=9))]
    counts = plan.counts(actions, TODAY)
    assert counts == plan.PlanCounts(total=5, open=2, overdue=1, done=2, dropped=1)
    assert plan.counts_summary(counts) == "5 acties: 2 open (waarvan 1 over de datum), 2 gedaan en 1 losgelaten"
    assert plan.counts_summary(plan.counts(actions[2:3], TODAY)) == "1 actie: 1 gedaan"
    assert plan.counts_summary(plan.counts([], TODAY)) == "Nog geen acties."


def test_the_next_session_asks_about_the_open_actions_of_earlier_sessions_only():
    actions = [action(1, session=1), action(2, session=2), action(3, session=1, status="gedaan"),
               action(4, session=1, status="bezig", due=TODAY - dt.timedelta(days=5))]
    assert [a.id for a in plan.earlier_open(actions, session_id=2)] == [4, 1]


def test_others_see_the_notes_only_with_notes():
    full = action(support="Met de griffier", look_back="Het werkte")
    assert plan.as_shared(full, with_notes=True) == full
    bare = plan.as_shared(full, with_notes=False)
    assert (bare.support, bare.look_back) == ("", "") and dataclasses.replace(
        bare, support=full.support, look_back=full.look_back) == full


# --- where the person worked and what moved ------------------------------------------------------


S1, S2, NOW, LATER = (session(1, "2025-03-01T10:00:00+00:00"), session(2, "2025-09-01T10:00:00+00:00"),
                      session(3, "2026-03-01T10:00:00+00:00"), session(4, "2026-09-01T10:00:00+00:00"))
OTHER = session(9, "2025-01-01T10:00:00+00:00", person=2)


def scored(**themes: int | None) -> dict[int, Answer]:
    return {int(k[1:]): Answer(int(k[1:]), mastery=v, not_applicable=v is None) for k, v in themes.items()}


def test_the_change_per_theme_is_measured_from_the_session_of_its_first_action():
    actions = [action(1, theme=10, session=2), action(2, theme=10, session=1),  # baseline: session 1
               action(3, theme=20, session=2),  # up
               action(4, theme=30, session=1),  # down
               action(5, theme=40, session=2),  # the same
               action(6, theme=50, session=1),  # "niet van toepassing" then: not measured
               action(7, theme=60, session=2),  # not in this session: not measured
               action(8, theme=70, session=3),  # begun in this session: nothing to compare yet
               action(9, theme=80, session=4),  # begun later
               action(10, theme=90, session=9, person=2)]  # someone else's
    then = {1: scored(t10=2, t30=4, t50=None), 2: scored(t10=3, t20=1, t40=3, t60=2)}
    now = scored(t10=4, t20=3, t30=3, t40=3, t50=4, t70=1, t80=1, t90=5)
    sessions = {s.id: s for s in (S1, S2, NOW, LATER, OTHER)}
    moved = plan.plan_movement(actions, NOW, now, sessions, then)
    assert [(m.theme, m.since, m.before, m.after, m.change) for m in moved.themes] == [
        (10, 1, 2, 4, 2), (20, 2, 1, 3, 2), (30, 1, 4, 3, -1), (40, 2, 3, 3, 0)]
    assert [a.id for a in moved.themes[0].actions] == [1, 2]
    assert moved.worked_on == (10, 20, 30, 40, 50, 60) and moved.unmeasured == (50, 60)
    assert (moved.shared, moved.up, moved.same, moved.down) == (4, 2, 1, 1)
    assert plan.movement_summary(moved) == ("Je had acties op 6 thema's. Op 4 daarvan heb je in beide sessies "
                                            "gescoord: 2 gingen omhoog, 1 bleef gelijk en 1 ging omlaag.")


@pytest.mark.parametrize(("then", "now", "summary"), [
    ({}, {}, "Je had voor deze sessie nog geen acties uit een eerdere sessie."),
    (scored(t10=2), scored(t10=3), "Je had een actie op 1 thema. Je score daarop ging omhoog, van 2 naar 3."),
    (scored(t10=2), scored(t10=None), "Je had een actie op 1 thema. Dat thema heb je niet in beide sessies gescoord, "
                                      "dus een verandering is nog niet te zien."),
    (scored(t10=2, t20=2), scored(t10=2, t20=2), "Je had acties op 2 thema's. Je hebt ze allebei in "
                                                 "beide sessies gescoord: 2 bleven gelijk."),
])
def test_the_summary_says_where_the_person_worked_and_what_moved(then, now, summary):
    actions = [action(i, theme=t, session=1) for i, t in enumerate(then, start=1)]
    moved = plan.plan_movement(actions, NOW, now, {1: S1, 3: NOW}, {1: then})
    assert plan.movement_summary(moved) == summary
