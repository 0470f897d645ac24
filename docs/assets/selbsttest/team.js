// Team overview: result codes pasted by a sales lead, summed up in the browser. Nothing is sent.
// summarise() and toCsv() mirror quiz/team.py; the tests compare both on the same codes.
import { PHASES, chart, decode, el, fill, onPage, readJSON, roundedMean, score, storage, svg } from "./selbsttest.js"

const LIST_KEY = "selbsttest.team"
const LINE = /^(.*?)[\s;,]*([^\s;,]+)$/
const NAME_TRIM = /^[\s:;,\-–]+|[\s:;,\-–]+$/g

export function summarise(model, text) {
  const members = [], skipped = [], seen = new Map()
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.trim(), number = index + 1
    if (!line) return
    const [, name, token] = LINE.exec(line)
    const code = (token.includes("code=") ? token.slice(token.indexOf("code=") + 5).split("&")[0] : token).trim().toUpperCase()
    const decoded = decode(code, model.version, model.statements.length)
    if (decoded.problem) skipped.push({ line: number, text: line, reason: decoded.problem, detail: decoded.found ?? null })
    else if (seen.has(code)) skipped.push({ line: number, text: line, reason: "duplicate", detail: seen.get(code) })
    else {
      seen.set(code, number)
      members.push({ line: number, name: name.replace(NAME_TRIM, ""), code, result: score(model, decoded.answers) })
    }
  })
  const count = members.length
  const tenths = values => count ? roundedMean(10 * values.reduce((sum, value) => sum + value, 0), count) : 0
  const averages = {}
  for (const id of PHASES) averages[id] = tenths(members.map(member => member.result.phases[id]))
  averages.drop_off = count ? tenths(members.map(member => member.result.dropOff + 100)) - 1000 : 0
  const bands = model.verdict.map(band => members.filter(m => band.from <= m.result.dropOff && m.result.dropOff <= band.to).length)
  const needs = model.topics
    .map((topic, index) => ({ id: topic.id, index, count: members.filter(m => m.result.recommendations.includes(topic.id)).length }))
    .sort((a, b) => b.count - a.count || a.index - b.index).filter(topic => topic.count).slice(0, 3)
  return { members, skipped, averages, dropping: members.filter(m => m.result.dropsOff).length, bands, needs }
}

// 725 -> "72,5": one decimal, with the German decimal comma unless told otherwise.
export const decimal = (tenths, separator = ",") =>
  `${tenths < 0 ? "-" : ""}${Math.floor(Math.abs(tenths) / 10)}${separator}${Math.abs(tenths) % 10}`

const cell = value => /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value

// For German Excel: ';' separated, UTF-8 with BOM, decimal comma, CRLF.
export function toCsv(model, team) {
  const words = model.wording
  const profiles = Object.fromEntries(model.profiles.map(profile => [profile.id, profile.title]))
  const rows = [[words.teamName, ...model.phases.map(phase => phase.label), words.teamDropOff, words.teamDrops, words.teamProfile, words.codeLabel]]
  team.members.forEach((member, index) => rows.push([
    member.name || fill(words.teamPerson, { number: index + 1 }), ...PHASES.map(id => String(member.result.phases[id])),
    String(member.result.dropOff), member.result.dropsOff ? words.yes : words.no, profiles[member.result.profile], member.code]))
  rows.push([words.teamAverage, ...PHASES.map(id => decimal(team.averages[id])), decimal(team.averages.drop_off),
             `${team.dropping}/${team.members.length}`, "", ""])
  return "\ufeff" + rows.map(row => row.map(cell).join(";") + "\r\n").join("")
}

function bandLabel(words, band) {
  if (band.from === -100) return fill(words.bandUpTo, { to: band.to })
  if (band.to === 100) return fill(words.bandFrom, { from: band.from })
  return fill(words.bandRange, { from: band.from, to: band.to })
}

function distribution(model, team) {
  const words = model.wording, total = team.members.length || 1
  const root = svg("svg", { viewBox: `0 0 480 ${32 * team.bands.length + 8}`, role: "img", "aria-labelledby": "team-distribution-title" })
  root.append(svg("title", { id: "team-distribution-title" }, words.teamDistributionTitle))
  team.bands.forEach((count, i) => {
    const y = 8 + 32 * i
    root.append(
      svg("text", { class: "effort-chart__axis", x: 0, y: y + 17 }, bandLabel(words, model.verdict[i])),
      svg("rect", { class: "teamview__bar", x: 190, y, height: 22, width: Math.max(2, 250 * count / total) }),
      svg("text", { class: "effort-chart__label", x: 196 + Math.max(2, 250 * count / total), y: y + 17 }, String(count)))
  })
  return el("figure", { class: "effort-chart" }, root)
}

function table(model, team) {
  const words = model.wording
  const profiles = Object.fromEntries(model.profiles.map(profile => [profile.id, profile.title]))
  const columns = [
    { label: words.teamName, value: (m, i) => m.name || fill(words.teamPerson, { number: i + 1 }), text: true },
    ...model.phases.map(phase => ({ label: phase.label, value: m => m.result.phases[phase.id] })),
    { label: words.teamDropOff, value: m => m.result.dropOff },
    { label: words.teamDrops, value: m => m.result.dropsOff ? words.yes : words.no, text: true },
    { label: words.teamProfile, value: m => profiles[m.result.profile], text: true },
  ]
  const rows = team.members.map((member, i) => columns.map(column => column.value(member, i)))
  const body = el("tbody")
  const headers = columns.map((column, index) => {
    const button = el("button", { type: "button" }, column.label)
    const header = el("th", { scope: "col" }, button)
    button.addEventListener("click", () => {
      const ascending = header.getAttribute("aria-sort") !== "ascending"
      headers.forEach(other => other.removeAttribute("aria-sort"))
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending")
      const compare = column.text ? (a, b) => String(a[index]).localeCompare(String(b[index]), model.language) : (a, b) => a[index] - b[index]
      fillBody([...rows].sort((a, b) => ascending ? compare(a, b) : compare(b, a)))
    })
    return header
  })
  const fillBody = sorted => body.replaceChildren(...sorted.map(row => el("tr", {}, ...row.map(value => el("td", {}, String(value))))))
  fillBody(rows)
  return el("div", { class: "md-typeset__table" }, el("table", { class: "teamview__table" }, el("thead", {}, el("tr", {}, ...headers)), body))
}

function render(root, model, team) {
  const words = model.wording, output = root.querySelector("[data-team-result]")
  const modelUrl = new URL(root.dataset.model, location.href)
  const total = team.members.length
  const rounded = Object.fromEntries(PHASES.map(id => [id, Math.floor((team.averages[id] + 5) / 10)]))
  const csvButton = el("button", { type: "button", class: "md-button" }, words.teamCsv)
  csvButton.addEventListener("click", () => {
    const link = el("a", { href: URL.createObjectURL(new Blob([toCsv(model, team)], { type: "text/csv;charset=utf-8" })), download: "team.csv" })
    link.click()
    setTimeout(() => URL.revokeObjectURL(link.href), 1000)
  })
  const reasons = { foreign: words.skipForeign, damaged: words.skipDamaged, version: words.skipVersion, duplicate: words.skipDuplicate }
  output.replaceChildren(...(total === 0 ? [el("p", {}, words.teamEmpty)] : [
    el("h2", {}, words.teamCurveHeading),
    chart(model, rounded, words.teamChartTitle),
    el("ul", { "data-team-averages": "" }, ...model.phases.map(phase =>
      el("li", { "data-phase": phase.id }, fill(words.teamAverageValue, { label: phase.label, value: decimal(team.averages[phase.id], words.decimalSeparator) })))),
    el("h2", {}, words.teamDropHeading),
    el("p", { "data-team-dropping": String(team.dropping) }, fill(words.teamDropSummary, { dropping: team.dropping, total, drop: decimal(team.averages.drop_off, words.decimalSeparator) })),
    distribution(model, team),
    el("ul", {}, ...team.bands.map((count, i) => el("li", { "data-band": String(i) }, fill(words.teamBand, { label: bandLabel(words, model.verdict[i]), count })))),
    el("h2", {}, words.teamNeedsHeading),
    el("ol", { class: "selfcheck__recommendations" }, ...team.needs.map(need => {
      const topic = model.topics.find(topic => topic.id === need.id)
      return el("li", { "data-topic": need.id }, el("a", { href: new URL(topic.href, modelUrl).href }, topic.title), el("br"),
                fill(words.teamNeed, { count: need.count, total }))
    })),
    el("h2", {}, words.teamTableHeading),
    el("p", {}, words.teamSortHint),
    table(model, team),
    el("p", { class: "selfcheck__actions" }, csvButton),
  ]), ...(team.skipped.length ? [
    el("h2", {}, words.teamSkippedHeading),
    el("ul", { "data-team-skipped": "" }, ...team.skipped.map(skip => el("li", {}, fill(words.teamSkipped, {
      line: skip.line, reason: fill(reasons[skip.reason], { found: skip.detail, current: model.version, line: skip.detail }) })))),
  ] : []))
  output.hidden = false
}

function setUp(root, model) {
  const words = model.wording
  const form = root.querySelector("[data-team-form]"), input = root.querySelector("[data-team-input]")
  const keep = root.querySelector("[data-team-keep]"), notice = root.querySelector("[data-selfcheck-notice]")
  const say = message => { notice.textContent = message; notice.hidden = !message }
  const show = () => {
    if (keep.checked) storage.set(LIST_KEY, JSON.stringify({ text: input.value }))
    else storage.remove(LIST_KEY)
    render(root, model, summarise(model, input.value))
  }
  form.addEventListener("submit", event => { event.preventDefault(); say(""); show() })
  keep.addEventListener("change", () => { if (!keep.checked) storage.remove(LIST_KEY) })
  root.querySelector("[data-team-clear]").addEventListener("click", () => {
    input.value = ""
    storage.remove(LIST_KEY)
    root.querySelector("[data-team-result]").hidden = true
    say(words.teamCleared)
  })
  const { value, damaged } = readJSON(LIST_KEY)
  if (damaged || (value !== null && typeof (value && value.text) !== "string")) {
    storage.remove(LIST_KEY)
    say(words.storageDamaged)
  } else if (value !== null) {
    input.value = value.text
    keep.checked = true
    show()
  }
  root.dataset.ready = "true"
}

onPage("[data-teamview]", setUp)
