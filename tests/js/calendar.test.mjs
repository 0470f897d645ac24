// The follow-up plan's calendar builder (docs/assets/follow-up-calendar.js), in Node without a page:
// a customer's name arrives in the file exactly as typed, whatever replacement patterns it holds.
//
//   node --test tests/js/

import assert from "node:assert/strict"
import { test } from "node:test"

import { allowedYears, calendar, fill, parseDate } from "../../docs/assets/follow-up-calendar.js"

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
