// Issue 17: obvious answer patterns get the obvious verdict from the browser's engine
// (quiz/assets/engine.js) in Node, on the model the Python engine writes for the current version.
//
//   node --test tests/js/obvious_patterns.test.mjs

import assert from "node:assert/strict"
import { execFileSync } from "node:child_process"
import { join } from "node:path"
import { test } from "node:test"
import { fileURLToPath, pathToFileURL } from "node:url"

const root = fileURLToPath(new URL("../..", import.meta.url))
const { NOT_ASKED, current, score } = await import(pathToFileURL(join(root, "quiz", "assets", "engine.js")).href)
const python = process.env.PYTHON || join(root, ".venv", "bin", "python")
const models = Object.fromEntries(["de", "en"].map(language => [language, JSON.parse(execFileSync(python, ["-c",
  `import json, quiz; from quiz.browser_model import build_model; print(json.dumps(build_model(quiz.load_all(), "${language}", link=lambda p: p)))`],
  { cwd: root, encoding: "utf8" }))]))

// closing / after: steps 1..5 with the keying undone; lowerAfter: the after-sale positions that change
// (all when absent); notApplicable: "kam bei mir nicht vor" on every trigger; the reserve not asked.
function pattern(entry, closing, after, { notApplicable = false, lowerAfter = null } = {}) {
  return entry.statements.map((statement, i) => {
    if (statement.reserve) return NOT_ASKED
    if (statement.trigger && notApplicable) return null
    const value = statement.phase === "after_sale" && (!lowerAfter || lowerAfter.has(i)) ? after : closing
    return statement.keyed === "plus" ? value : 6 - value
  })
}

for (const [language, model] of Object.entries(models)) {
  const entry = current(model)
  const check = (answers, verdict, profile) => {
    const result = score(model, entry, answers)
    assert.equal(result.verdict, verdict, JSON.stringify(result))
    if (profile) assert.equal(result.profile, profile)
    return result
  }

  test(`(${language}) version 3 is current and has a reserve`, () => {
    assert.equal(entry.version, 3)
    assert.ok(entry.estimate.reserve && entry.estimate.kind === "moderated")
  })

  test(`(${language}) one step lower on every answered twin: yes, at every level, with or without "never came up"`, () => {
    for (const closing of [5, 4, 3, 2])
      for (const notApplicable of [false, true]) {
        const result = check(pattern(entry, closing, closing - 1, { notApplicable }), "yes", "drop_mild")
        assert.equal(result.dropOff, 25)
      }
  })

  test(`(${language}) two steps lower: yes, sharp drop`, () => {
    for (const closing of [5, 4, 3]) check(pattern(entry, closing, closing - 2), "yes", "drop_sharp")
  })

  test(`(${language}) identical before and after: no clear drop, at every level, with nine answered pairs too`, () => {
    for (const level of [1, 2, 3, 4, 5])
      for (const notApplicable of [false, true]) {
        const result = check(pattern(entry, level, level, { notApplicable }), "no")
        assert.equal(result.pairs, notApplicable ? 9 : 12)
      }
  })

  test(`(${language}) one step higher after the close: no clear drop`, () => {
    for (const closing of [4, 3, 2, 1]) check(pattern(entry, closing, closing + 1), "no")
  })

  test(`(${language}) half the twins one step lower: never yes`, () => {
    const afters = entry.estimate.pairs.filter(([, , reserve]) => !reserve).map(([, after]) => after)
    for (const half of [afters.filter((_, i) => i % 2), afters.filter((_, i) => !(i % 2)), afters.slice(0, 6), afters.slice(6)])
      for (const closing of [5, 4, 3, 2])
        assert.notEqual(score(model, entry, pattern(entry, closing, closing - 1, { lowerAfter: new Set(half) })).verdict, "yes")
  })
}
