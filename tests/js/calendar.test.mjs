// The follow-up plan's calendar builder (docs/assets/follow-up-calendar.js), in Node without a page:
// a customer's name arrives in the file exactly as typed, whatever replacement patterns it holds.
//
//   node --test tests/js/

import assert from "node:assert/strict"
import { test } from "node:test"

import { allowedYears, calendar, dateProblem, fill, parseDate, stepDay, tierSteps } from "../../docs/assets/follow-up-calendar.js"

const steps = [{ id: "call", working_days: 1, title: "Anruf", agenda: ["Nachfragen, ob alles passt"] },
               { id: "visit", calendar_days: 30, title: "Besuch $1", agenda: ["$& bleibt"] }]
const texts = { closed: "Abschluss am {date}", named: "{title}: {name}" }
const unfold = text => text.replaceAll("\r\n ", "")
const summaries = text => [...unfold(text).matchAll(/^SUMMARY:(.*)$/gm)].map(match => match[1].replace("\r", ""))

for (const name of ["$&", "$'", "$`", "$1", "$$", "Müller $& Söhne $' $1 $<x>", "{title}", "{name}"]) {
  test(`the name ${JSON.stringify(name)} arrives unchanged in every event`, () => {
    const text = calendar({ steps, close: parseDate("2027-03-26"), customer: name, texts, language: "de" })
    assert.deepEqual(summaries(text), [`Anruf: ${name}`, `Besuch $1: ${name}`])
  })
}

test("the agenda and step titles keep their dollar signs too", () => {
  const text = unfold(calendar({ steps, close: parseDate("2027-03-26"), customer: "", texts, language: "de" }))
  assert.match(text, /^SUMMARY:Besuch \$1\r$/m)
  assert.ok(text.includes("– $& bleibt"))
})

test("fill leaves unknown placeholders and never reads patterns", () => {
  assert.equal(fill("{a} {b} {a}", { a: "$&$'" }), "$&$' {b} $&$'")
})

test("close dates are allowed five years back and five years ahead, counted in whole years", () => {
  assert.deepEqual(allowedYears(new Date(Date.UTC(2026, 11, 3))), { from: 2021, to: 2031 })
  const last = calendar({ steps, close: parseDate("2031-12-31"), customer: "", texts, language: "en" })
  for (const [, day] of unfold(last).matchAll(/^DT(?:START|END);VALUE=DATE:(\d+)\r$/gm)) assert.match(day, /^20(3[12])\d{4}$/)
})

// --- counted from delivery or installation, and the tiers ---------------------------------------

const plan = [{ id: "thanks", working_days: 1, from: "close", title: "Dank", agenda: ["a"] },
              { id: "check_in", working_days: 5, from: "delivery", title: "Lieferung", agenda: ["b"] },
              { id: "after_install", calendar_days: 42, from: "installation", title: "Nach Montage", agenda: ["c"] },
              { id: "day_90", calendar_days: 90, title: "90 Tage", agenda: ["d"] }]
const starts = text => [...unfold(text).matchAll(/^DTSTART;VALUE=DATE:(\d{4})(\d{2})(\d{2})\r$/gm)].map(m => `${m[1]}-${m[2]}-${m[3]}`)

test("steps from delivery or installation count from that day, across both changes of summer time", () => {
  // Close on the Friday before summer time starts (28 March 2027), delivery ten weeks later; the
  // installation step then runs past nothing but ordinary days, the 90-day step stays on the close.
  const close = parseDate("2027-03-26"), fitted = parseDate("2027-06-04")
  const text = calendar({ steps: plan, close, fitted, customer: "", texts: { ...texts, fittedOn: "Montage am {date}" }, language: "de" })
  assert.deepEqual(starts(text), ["2027-03-29", "2027-06-11", "2027-07-16", "2027-06-24"])
  assert.ok(unfold(text).includes("Montage am 4.6.2027"), "the description names the day of delivery or fitting")
  // A close in August with delivery ten weeks later, just before winter time (31 October 2027).
  const autumn = calendar({ steps: plan, close: parseDate("2027-08-20"), fitted: parseDate("2027-10-29"), customer: "", texts, language: "de" })
  assert.deepEqual(starts(autumn), ["2027-08-23", "2027-11-05", "2027-12-10", "2027-11-18"])
})

test("without a day of delivery or installation the fitting steps count from the close and say so", () => {
  const close = parseDate("2027-03-26")
  assert.deepEqual(plan.map(step => stepDay(step, close).fromClose), [false, true, true, false])
  assert.deepEqual(plan.map(step => stepDay(step, close, parseDate("2027-06-04")).fromClose), [false, false, false, false])
  assert.deepEqual(starts(calendar({ steps: plan, close, customer: "", texts, language: "en" })),
                   ["2027-03-29", "2027-04-02", "2027-05-07", "2027-06-24"])
})

test("a date of delivery before the close, half typed or outside the years is refused", () => {
  const years = { from: 2021, to: 2031 }
  assert.equal(dateProblem(parseDate("2027-03-26"), parseDate("2027-03-25"), true, years), "fittedBefore")
  assert.equal(dateProblem(parseDate("2027-03-26"), parseDate("2027-03-26"), true, years), "")
  assert.equal(dateProblem(parseDate("2027-03-26"), null, true, years), "fitted")
  assert.equal(dateProblem(parseDate("2027-03-26"), null, false, years), "")
  assert.equal(dateProblem(parseDate("2027-03-26"), parseDate("2032-01-01"), true, years), "fittedRange")
  assert.equal(dateProblem(null, parseDate("2027-03-26"), true, years), "close")
})

test("a tier keeps its steps in the plan's order: C only the minimum, A every step", () => {
  const tiers = { a: { steps: { b2c: ["thanks", "check_in", "after_install", "day_90"] } },
                  c: { steps: { b2c: ["check_in", "thanks"] } } }
  assert.deepEqual(tierSteps(plan, tiers.c, "b2c").map(step => step.id), ["thanks", "check_in"])
  assert.deepEqual(tierSteps(plan, tiers.a, "b2c"), plan)
  const text = calendar({ steps: tierSteps(plan, tiers.c, "b2c"), close: parseDate("2027-03-26"), customer: "", texts, language: "de" })
  assert.equal(summaries(text).length, 2)
})
