// Parity without a browser: the browser's engine (quiz/assets/engine.js), run in Node on the
// vectors that the Python engine wrote (tests/parity_vectors.py), must agree exactly: results,
// codes, bad codes, team summaries and the CSV bytes, for every published questionnaire version.
//
//   node --test tests/js/engine.test.mjs      (writes fresh vectors with .venv/bin/python)
//   PARITY_DIR=folder node --test tests/...   (uses vectors written before)
//   ENGINE=file.js node --test tests/...      (another copy of the engine, e.g. the minified one)

import assert from "node:assert/strict"
import { execFileSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { test } from "node:test"
import { fileURLToPath, pathToFileURL } from "node:url"

const root = fileURLToPath(new URL("../..", import.meta.url))
const enginePath = process.env.ENGINE || join(root, "quiz", "assets", "engine.js")
const { clarity, codeIn, compare, decode, dropEstimate, encode, score, summarise, toCsv, verdictOf, version } = await import(pathToFileURL(enginePath).href)

function vectorFiles() {
  let folder = process.env.PARITY_DIR
  if (!folder) {
    folder = mkdtempSync(join(tmpdir(), "parity-"))
    const python = process.env.PYTHON || join(root, ".venv", "bin", "python")
    execFileSync(python, ["-m", "tests.parity_vectors", folder], { cwd: root })
  }
  return readdirSync(folder).filter(name => name.startsWith("vectors")).map(name => join(folder, name))
}

const files = vectorFiles()
test("there are vectors", () => assert.equal(files.length, 1))
const data = JSON.parse(readFileSync(files[0], "utf8"))
const strip = decoded => decoded.problem ? decoded : { version: decoded.entry.version, answers: decoded.answers }

for (const { version: number, answers: sets, codes, results } of data.versions) {
  const label = `version ${number}`
  const model = data.languages.de.model
  const entry = version(model, number)

  test(`${label}: ${sets.length} answer sets give the same codes, in both directions`, () => {
    sets.forEach((answers, i) => {
      assert.equal(encode(model, entry, answers), codes[i])
      assert.deepEqual(strip(decode(model, codes[i])), { version: number, answers })
    })
  })

  for (const [language, expected] of Object.entries(results)) {
    test(`${label} (${language}): every answer set scores the same, range and verdict included`, () => {
      const local = data.languages[language].model
      sets.forEach((answers, i) => assert.deepEqual(score(local, version(local, number), answers), expected[i], `answer set ${i}`))
    })
  }
}

test(`${data.badCodes.length} bad codes are refused for the same reason`, () => {
  const model = data.languages.de.model
  for (const { code, expected } of data.badCodes) assert.deepEqual(strip(decode(model, code)), expected, JSON.stringify(code))
})

test(`${data.links.length} codes and share links, crafted ones included, carry the same code`, () => {
  const model = data.languages.de.model
  for (const { text, code } of data.links) assert.equal(codeIn(model, text), code, JSON.stringify(text.slice(0, 200)))
})

for (const [language, expected] of Object.entries(data.languages)) {
  test(`(${language}) ${data.pastes.length} team pastes of mixed versions give the same overview and CSV bytes`, () => {
    data.pastes.forEach((text, i) => {
      const team = summarise(expected.model, text)
      assert.deepEqual(team, expected.teams[i], `paste ${i}: ${JSON.stringify(text.slice(0, 200))}`)
      if (!team.tooLarge) assert.equal(toCsv(expected.model, team), expected.csv[i], `paste ${i}`)
      if (!team.tooLarge) assert.equal(toCsv(expected.model, team, true), expected.csvNames[i], `paste ${i}, names shown`)
    })
  })
}

test(`${data.rounds.length} pairs of rounds (same, different and mixed versions, reserves) compare the same`, () => {
  const model = data.languages.de.model
  const kinds = { different: 0, mixed: 0, reserve: 0, people: 0 }
  data.rounds.forEach(({ before, now, expected }, i) => {
    const result = compare(summarise(model, before), summarise(model, now))
    assert.deepEqual(result, expected, `pair ${i}`)
    if (expected.changes.length === 0 && expected.onlyBefore.length && expected.onlyNow.length) kinds.different++
    if (summarise(model, now).summaries.length > 1) kinds.mixed++
    if (summarise(model, now).summaries.some(summary => summary.reserve > 0)) kinds.reserve++
    kinds.people += expected.people.length
  })
  for (const [kind, count] of Object.entries(kinds)) assert.ok(count > 0, `the vectors include ${kind}`)
})

test("fewer answered pairs than the model asks for give no verdict, whatever they say", () => {
  const { rules } = data.languages.de.model
  for (const differences of [[], [100, 100, 100], Array(rules.minPairs - 1).fill(0)]) {
    const estimate = dropEstimate(rules, differences)
    assert.equal(verdictOf(rules, estimate), "too_few")
    assert.deepEqual(clarity(rules, estimate), { side: null, gap: null, morePairs: rules.minPairs - differences.length })
  }
  assert.notEqual(verdictOf(rules, dropEstimate(rules, Array(rules.minPairs).fill(0))), "too_few")
})
