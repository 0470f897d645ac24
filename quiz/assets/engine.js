// The self-assessment's engine for the browser, without any page: scoring of every published
// version, the drop-off's range and verdict, result codes, the team overview and its CSV. It is
// the twin of the Python package (scoring.py, estimate.py, codes.py, team.py): every rule comes
// from the model that Python writes, the operations run in the same order, and
// tests/js/engine.test.mjs proves that both give identical results, byte for byte.

// Text rules (quiz/text.py): one explicit set of blanks, upper-casing of a..z only. Everything that
// reads a paste or a link scans it once; no regular expression that could backtrack over it.
const tables = new WeakMap()
function charTable(model) {  // per UTF-16 unit: 1 blank, 2 separator, 4 edge of a name (every blank is in the BMP)
  if (!tables.has(model)) {
    const table = new Uint8Array(0x10000), blank = new RegExp(`[${model.rules.blanks}]`)
    for (let unit = 0; unit < 0x10000; unit++) if (blank.test(String.fromCharCode(unit))) table[unit] = 1 | 4
    for (const char of model.rules.separators) table[char.charCodeAt(0)] |= 2
    for (const char of model.rules.nameEdges) table[char.charCodeAt(0)] |= 4
    tables.set(model, table)
  }
  return tables.get(model)
}
function strip(text, table, mask, start = 0, end = text.length) {
  while (start < end && table[text.charCodeAt(start)] & mask) start++
  while (end > start && table[text.charCodeAt(end - 1)] & mask) end--
  return text.slice(start, end)
}
export const trim = (model, text) => strip(text, charTable(model), 1)
const asciiUpper = text => text.replace(/[a-z]+/g, letters => letters.toUpperCase())
export function codePoints(text) {
  let count = 0
  for (let i = 0; i < text.length; i++) { const unit = text.charCodeAt(i); if (unit < 0xdc00 || unit > 0xdfff) count++ }
  return count
}

// The code a code or share link carries ("…#code=1-ABC&x=y" -> "1-ABC"), trimmed and upper-cased; "" when too long.
export function codeIn(model, text) {
  if (text.length > model.rules.linkLimit && codePoints(text) > model.rules.linkLimit) return ""
  const at = text.indexOf("code=")
  if (at >= 0) text = text.slice(at + 5).split("&", 1)[0]
  return asciiUpper(trim(model, text))
}

// [name, token] of a trimmed team line: the token is the last run without blanks, ";" or ","
// (trailing separators ignored), the name everything before it, without its edges.
export function splitLine(model, line) {
  const table = charTable(model)
  let end = line.length
  while (end > 0 && table[line.charCodeAt(end - 1)] & 3) end--
  let start = end
  while (start > 0 && !(table[line.charCodeAt(start - 1)] & 3)) start--
  return [strip(line, table, 4, 0, start), line.slice(start, end)]
}

export const roundedMean = (total, count) => Math.floor((2 * total + count) / (2 * count))
export const fill = (text, values) => text.replace(/\{(\w+)\}/g, (whole, name) => name in values ? values[name] : whole)
export const version = (model, number) => model.versions.find(entry => entry.version === number)
export const current = model => version(model, model.current)

// --- the range and the verdict (quiz/estimate.py) ------------------------------------------------

const tQuantile = (rules, df) => rules.tTable[Math.min(df, rules.tTable.length) - 1]
// The rules a version reads its pair differences with: its own estimator (entry.estimate), or
// for a model without one, the model's rules (version 2's).
export const rulesOf = (model, entry) => entry && entry.estimate ? { ...model.rules, ...entry.estimate } : model.rules
export const NOT_ASKED = 0  // a reserve statement that was not asked (version 3; quiz/model.py)

// "floored" (version 2) or "moderated" (version 3, rules.kind): see quiz/estimate.py for both.
export function dropEstimate(rules, differences) {
  const n = differences.length
  if (n === 0) return { n: 0, total: 0, spread: null, mean: null, low: null, high: null }
  let total = 0, squares = 0
  for (const difference of differences) { total += difference; squares += difference * difference }
  const moderated = rules.kind === "moderated"
  const variance = moderated
    ? (rules.priorDf * rules.priorSpread * rules.priorSpread * n + (n * squares - total * total)) / (n * (rules.priorDf + n - 1))
    : n > 1 ? (n * squares - total * total) / (n * (n - 1)) : 0
  const spread = moderated ? Math.sqrt(variance) : Math.max(Math.sqrt(variance), rules.sdFloor)
  const half = tQuantile(rules, moderated ? rules.priorDf + n - 1 : Math.max(n - 1, 1)) * (spread / Math.sqrt(n))
  return { n, total, spread, mean: Math.floor((2 * total + n) / (2 * n)),
           low: Math.max(Math.floor(total / n - half + 0.5), -100), high: Math.min(Math.floor(total / n + half + 0.5), 100) }
}

export function verdictOf(rules, estimate) {
  if (estimate.n < rules.minPairs) return "too_few"
  if (estimate.low >= rules.yesFrom) return "yes"
  if (estimate.high <= rules.noUpTo) return "no"
  return "unclear"
}

export function clarity(rules, estimate) {
  const result = verdictOf(rules, estimate)
  if (result === "too_few") return { side: null, gap: null, morePairs: rules.minPairs - estimate.n }
  if (result !== "unclear") return null
  const n = estimate.n
  const leansYes = 2 * estimate.total >= (rules.yesFrom + rules.noUpTo) * n
  const gap = leansYes ? rules.yesFrom - estimate.low : estimate.high - rules.noUpTo
  for (let more = 1; more <= rules.morePairsCap; more++) {
    const pairs = n + more
    const half = tQuantile(rules, (rules.kind === "moderated" ? rules.priorDf : 0) + pairs - 1) * (estimate.spread / Math.sqrt(pairs))
    if (leansYes && Math.floor(estimate.total / n - half + 0.5) >= rules.yesFrom) return { side: "yes", gap, morePairs: more }
    if (!leansYes && Math.floor(estimate.total / n + half + 0.5) <= rules.noUpTo) return { side: "no", gap, morePairs: more }
  }
  return { side: leansYes ? "yes" : "no", gap, morePairs: null }
}

function levelOf(rules, points) {
  const answered = points.filter(value => value !== null)
  const n = answered.length
  if (n === 0) return { points: null, band: null }
  const mean = Math.floor((2 * answered.reduce((sum, value) => sum + value, 0) + n) / (2 * n))
  return { points: mean, band: levelBand(rules, mean) }
}

const levelBand = (rules, points) => rules.levelBands.find(([, low, high]) => low <= points && points <= high)[0]

// --- scoring (quiz/scoring.py) ------------------------------------------------------------------

const matches = (when, metrics) => Object.entries(when).every(([metric, bounds]) => {
  if (metric === "verdict") return bounds.includes(metrics.verdict)
  const [low, high] = bounds, value = metrics[metric]
  return value !== null && (low === null || value >= low) && (high === null || value <= high)
})

// answers: 1..5 per statement, null for "kam nicht vor". entry: one version of the model.
export function score(model, entry, answers) {
  const { scalePoints, pointsPerStep, recommendationCount } = model.rules
  const points = entry.statements.map((statement, i) => answers[i] === null || answers[i] === NOT_ASKED ? null
    : ((statement.keyed === "plus" ? answers[i] : scalePoints + 1 - answers[i]) - 1) * pointsPerStep)
  const meanWhere = test => {
    let total = 0, count = 0
    entry.statements.forEach((statement, i) => { if (test(statement) && points[i] !== null) { total += points[i]; count++ } })
    return count ? roundedMean(total, count) : null
  }
  const ids = entry.phases.map(phase => phase.id)
  const phases = {}
  for (const id of ids) phases[id] = meanWhere(statement => statement.phase === id)
  const average = roundedMean(ids.reduce((sum, id) => sum + phases[id], 0), ids.length)
  const recommendations = entry.facets
    .map((facet, index) => ({ id: facet.id, index, value: meanWhere(statement => statement.facet === facet.id) }))
    .filter(facet => facet.value !== null)
    .sort((a, b) => a.value - b.value || a.index - b.index)
    .slice(0, recommendationCount).map(facet => facet.id)
  const base = { version: entry.version, phases, average, recommendations, reserve: null }
  if (entry.method === "phase_means") {
    const dropOff = phases.closing - phases.after_sale
    const band = entry.verdict.find(band => band.from <= dropOff && dropOff <= band.to)
    const metrics = { ...phases, average, drop_off: dropOff }
    return { ...base, level: average, levelBand: levelBand(model.rules, average), dropOff, dropOffRange: null,
             verdict: band.dropsOff ? "yes" : "no", dropsOff: band.dropsOff, pairs: null, clarity: null,
             headline: band.headline.replaceAll("{drop}", () => dropOff),
             profile: entry.profiles.find(profile => matches(profile.when, metrics)).id }
  }
  const rules = rulesOf(model, entry)
  const differences = [], answered = { reserve: 0 }
  for (const [closing, after, reserve] of rules.pairs) {
    if (points[closing] === null || points[after] === null) continue
    differences.push(points[closing] - points[after])
    if (reserve) answered.reserve++
  }
  const estimate = dropEstimate(rules, differences)
  const verdict = verdictOf(rules, estimate)
  const level = levelOf(model.rules, points)
  const metrics = { drop_off: estimate.mean, level: level.points, verdict }
  const profile = verdict === "too_few" ? null : entry.profiles.find(profile => matches(profile.when, metrics)).id
  // Placeholders are filled by functions: a "$&" in a text stays as written, as in Python.
  return { ...base, level: level.points, levelBand: level.band, dropOff: estimate.mean,
           dropOffRange: estimate.n ? [estimate.low, estimate.high] : null, verdict,
           dropsOff: verdict === "yes" ? true : verdict === "no" ? false : null, pairs: estimate.n,
           clarity: clarity(rules, estimate), reserve: rules.reserve ? answered.reserve : null,
           headline: entry.headlines[verdict].replaceAll("{level}", () => entry.levels[level.band]), profile }
}

// --- result codes (quiz/codes.py) ---------------------------------------------------------------

const checkValue = (model, chars) =>
  chars.reduce((sum, char, i) => sum + (i + 1) * char, 0) % model.rules.codeAlphabet.length

export function encode(model, entry, answers) {
  const { states, group, chars, offset, notAsked } = entry.code, alphabet = model.rules.codeAlphabet
  const digits = answers.map(answer => answer === null ? 0 : answer === NOT_ASKED && notAsked ? notAsked : answer - offset)
  while (digits.length % group) digits.push(0)
  const out = []
  for (let start = 0; start < digits.length; start += group) {
    let value = 0
    for (const digit of digits.slice(start, start + group)) value = value * states + digit
    const part = []
    for (let i = 0; i < chars; i++) { part.unshift(value % 32); value = Math.floor(value / 32) }
    out.push(...part)
  }
  return `${entry.version}-` + out.map(char => alphabet[char]).join("") + alphabet[checkValue(model, out)]
}

// {entry, answers}, or {problem: "foreign" | "version" | "newer" | "damaged", found: the version in the code}.
export function decode(model, code) {
  const alphabet = model.rules.codeAlphabet
  const match = new RegExp(`^([1-9][0-9]{0,2})-([${alphabet}]+)$`).exec(asciiUpper(trim(model, String(code))))
  if (!match) return { problem: "foreign" }
  const found = Number(match[1]), entry = version(model, found)
  if (!entry) return { problem: found > model.current ? "newer" : "version", found }
  const { states, group, chars, offset, notAsked } = entry.code, count = entry.statements.length
  const values = [...match[2]].map(char => alphabet.indexOf(char))
  const check = values.pop()
  if (values.length !== Math.ceil(count / group) * chars || checkValue(model, values) !== check) return { problem: "damaged", found }
  const digits = []
  for (let start = 0; start < values.length; start += chars) {
    let value = 0
    for (const char of values.slice(start, start + chars)) value = value * 32 + char
    if (value >= states ** group) return { problem: "damaged", found }
    const part = []
    for (let i = 0; i < group; i++) { part.unshift(value % states); value = Math.floor(value / states) }
    digits.push(...part)
  }
  if (digits.slice(count).some(Boolean)) return { problem: "damaged", found }
  const answers = digits.slice(0, count).map(digit => notAsked && digit === notAsked ? NOT_ASKED
    : digit + offset === 0 ? null : digit + offset)
  if (answers.some((answer, i) => answer === null && !entry.statements[i].trigger)) return { problem: "damaged", found }
  if (answers.some((answer, i) => answer === NOT_ASKED && !entry.statements[i].reserve)) return { problem: "damaged", found }
  return { entry, answers }
}

// --- team overview (quiz/team.py) ---------------------------------------------------------------

export const VERDICTS = ["yes", "no", "unclear", "too_few"]
const VERDICT_WORDS = { yes: "verdictYes", no: "verdictNo", unclear: "verdictUnclear", too_few: "verdictTooFew" }
export const verdictLabel = (words, verdict) => words[VERDICT_WORDS[verdict]]

// Why a code cannot be read (quiz/problems.py): context "link" or "line"; detail is the version
// found, or the line a duplicate repeats.
export const problemText = (model, context, reason, detail) =>
  fill(model.codeProblems[context][reason], { found: detail, current: model.current, line: detail })

// {members, skipped, summaries}, or {tooLarge: {characters, lines}} for a paste beyond the limits.
export function summarise(model, text) {
  const characters = codePoints(text)
  const lines = characters > model.rules.teamMaxCharacters ? null : text.split(/\r\n|\r|\n/)
  if (lines === null || lines.length > model.rules.teamMaxLines)
    return { tooLarge: { characters, lines: lines ? lines.length : (text.match(/\r\n|\r|\n/g) || []).length + 1 } }
  const members = [], skipped = [], seen = new Map()
  lines.forEach((raw, index) => {
    const line = trim(model, raw), number = index + 1
    if (!line) return
    const [name, token] = splitLine(model, line)
    const code = codeIn(model, token)
    const decoded = decode(model, code)
    if (decoded.problem) skipped.push({ line: number, text: line, reason: decoded.problem, detail: decoded.found ?? null })
    else if (seen.has(code)) skipped.push({ line: number, text: line, reason: "duplicate", detail: seen.get(code) })
    else {
      seen.set(code, number)
      members.push({ line: number, name, code, result: score(model, decoded.entry, decoded.answers) })
    }
  })
  const versions = [...new Set(members.map(member => member.result.version))].sort((a, b) => b - a)
  return { members, skipped, summaries: versions.map(number => summary(model, version(model, number),
    members.filter(member => member.result.version === number))) }
}

function summary(model, entry, members) {
  // Shifted to keep half-up rounding exact for negative values (the drop-off can be negative).
  const tenths = (values, shift = 0) => roundedMean(10 * values.reduce((sum, value) => sum + value + shift, 0), values.length) - 10 * shift
  const averages = {}
  for (const { id } of entry.phases) averages[id] = tenths(members.map(member => member.result.phases[id]))
  const drops = members.map(member => member.result.dropOff).filter(value => value !== null)
  averages.drop_off = drops.length ? tenths(drops, 100) : null
  const names = entry.method === "phase_means" ? ["yes", "no"] : VERDICTS
  const verdicts = Object.fromEntries(names.map(name => [name, members.filter(member => member.result.verdict === name).length]))
  const needs = entry.facets
    .map((facet, index) => ({ id: facet.id, index, count: members.filter(m => m.result.recommendations.includes(facet.id)).length }))
    .sort((a, b) => b.count - a.count || a.index - b.index).slice(0, model.rules.teamNeedsCount).filter(facet => facet.count)
    .map(({ id, count }) => ({ id, count }))
  const reserve = entry.estimate && entry.estimate.reserve ? members.filter(member => member.result.reserve > 0).length : null
  return { version: entry.version, count: members.length, averages, verdicts, needs, reserve }
}

// The change from an earlier round to the current one (quiz/team.py compare): only within one version,
// per person only where the same name stands once in each round on the same version. The current
// round's people are numbered 1, 2, …; an earlier person keeps the number of the same name.
export function compare(before, now) {
  const earlier = new Map(before.summaries.map(summary => [summary.version, summary]))
  const later = new Map(now.summaries.map(summary => [summary.version, summary]))
  const changes = now.summaries.filter(summary => earlier.has(summary.version)).map(summary => change(earlier.get(summary.version), summary))
  const onceBefore = uniqueNames(before.members), onceNow = uniqueNames(now.members)
  const numbers = new Map()
  now.members.forEach((member, index) => { if (onceNow.has(member.name)) numbers.set(member.name, index + 1) })
  let following = now.members.length
  const beforeNumbers = before.members.map(member =>
    onceBefore.has(member.name) && numbers.has(member.name) ? numbers.get(member.name) : ++following)
  const people = []
  now.members.forEach((member, index) => {
    const earlierMember = onceNow.has(member.name) ? onceBefore.get(member.name) : undefined
    if (!earlierMember || earlierMember.result.version !== member.result.version) return
    const old = earlierMember.result, next = member.result
    people.push({ number: index + 1, name: member.name, version: next.version,
                  phases: Object.fromEntries(Object.keys(next.phases).map(id => [id, next.phases[id] - old.phases[id]])),
                  dropOff: old.dropOff === null || next.dropOff === null ? null : next.dropOff - old.dropOff,
                  before: old.verdict, now: next.verdict })
  })
  return { changes, people, beforeNumbers,
           onlyBefore: before.summaries.map(s => s.version).filter(v => !later.has(v)),
           onlyNow: now.summaries.map(s => s.version).filter(v => !earlier.has(v)) }
}

// Name -> member, for names that stand exactly once in a round (an empty name is no name).
function uniqueNames(members) {
  const found = new Map()
  for (const member of members) if (member.name) found.set(member.name, found.has(member.name) ? null : member)
  for (const [name, member] of found) if (member === null) found.delete(name)
  return found
}

function change(before, now) {
  const averages = {}
  for (const key of Object.keys(now.averages))
    averages[key] = now.averages[key] === null || before.averages[key] === null ? null : now.averages[key] - before.averages[key]
  return { version: now.version, averages,
           verdicts: Object.fromEntries(Object.keys(now.verdicts).map(name => [name, now.verdicts[name] - before.verdicts[name]])) }
}

// What the page and the CSV call a person: "Person 3" unless names are shown and there is one.
export const shownName = (words, member, number, names) =>
  names && member.name ? member.name : fill(words.teamPerson, { number })

// 725 -> "72,5": one decimal, with the German decimal comma unless told otherwise.
export const decimal = (tenths, separator = ",") =>
  `${tenths < 0 ? "-" : ""}${Math.floor(Math.abs(tenths) / 10)}${separator}${Math.abs(tenths) % 10}`

// A cell that Excel would run as a formula gets a leading apostrophe; plain numbers stay numbers.
function cell(model, value) {
  if (value && model.rules.formulaStart.includes(value[0]) && !/^-?[0-9]+([.,][0-9]+)?$/.test(value)) value = "'" + value
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

// For German Excel: ';' separated, UTF-8 with BOM, decimal comma, CRLF. Names only when shown.
export function toCsv(model, team, names = false) {
  const words = model.wording, latest = current(model), ids = latest.phases.map(phase => phase.id)
  const rows = [[words.teamName, words.teamVersion, ...latest.phases.map(phase => phase.label), words.teamDropOff,
                 words.teamRange, words.teamVerdict, words.teamProfile, words.codeLabel]]
  team.members.forEach((member, index) => {
    const result = member.result
    const profile = result.profile ? version(model, result.version).profiles.find(p => p.id === result.profile).title : ""
    rows.push([shownName(words, member, index + 1, names), String(result.version),
               ...ids.map(id => String(result.phases[id])), result.dropOff === null ? "" : String(result.dropOff),
               result.dropOffRange ? fill(words.rangeCell, { low: result.dropOffRange[0], high: result.dropOffRange[1] }) : "",
               verdictLabel(words, result.verdict), profile, member.code])
  })
  for (const summary of team.summaries) {
    const drop = summary.averages.drop_off
    rows.push([fill(words.teamAverageVersion, { version: summary.version }), String(summary.version),
               ...ids.map(id => decimal(summary.averages[id])), drop === null ? "" : decimal(drop), "",
               `${summary.verdicts.yes}/${summary.count} ${verdictLabel(words, "yes")}`, "", ""])
  }
  return "\ufeff" + rows.map(row => row.map(value => cell(model, value)).join(";") + "\r\n").join("")
}
