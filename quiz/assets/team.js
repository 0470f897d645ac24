// The team overview page: result codes pasted by a sales lead, summed up in the browser by
// engine.js (the twin of quiz/team.py). Nothing is sent anywhere.

import { current, decimal, fill, summarise, toCsv, verdictLabel, version } from "./engine.js"
import { KEYS, chart, el, onPage, readJSON, storage, svg } from "./widgets.js"

function distribution(model, summary) {
  const words = model.wording, names = Object.keys(summary.verdicts), total = summary.count || 1
  const id = `team-distribution-${summary.version}`
  const root = svg("svg", { viewBox: `0 0 480 ${32 * names.length + 8}`, role: "img", "aria-labelledby": id })
  root.append(svg("title", { id }, words.teamDistributionTitle))
  names.forEach((name, i) => {
    const y = 8 + 32 * i, count = summary.verdicts[name], width = Math.max(2, 250 * count / total)
    root.append(
      svg("text", { class: "effort-chart__axis", x: 0, y: y + 17 }, verdictLabel(words, name)),
      svg("rect", { class: "teamview__bar", x: 190, y, height: 22, width }),
      svg("text", { class: "effort-chart__label", x: 196 + width, y: y + 17 }, String(count)))
  })
  return el("figure", { class: "effort-chart" }, root)
}

// One version's people: versions measure differently and are never averaged together.
function versionSection(model, modelUrl, summary, several) {
  const words = model.wording, entry = version(model, summary.version), total = summary.count
  const rounded = Object.fromEntries(entry.phases.map(({ id }) => [id, Math.floor((summary.averages[id] + 5) / 10)]))
  const drop = summary.averages.drop_off
  return el("section", { "data-team-version": String(summary.version) },
    el("h2", {}, fill(words.teamVersionHeading, { version: summary.version, count: total })),
    ...(several ? [el("p", {}, words.teamVersionNote)] : []),
    el("h3", {}, words.teamCurveHeading),
    chart(entry.phases, rounded, words.teamChartTitle, words, `team-chart-${summary.version}`),
    el("ul", { "data-team-averages": "" }, ...entry.phases.map(phase =>
      el("li", { "data-phase": phase.id }, fill(words.teamAverageValue, { label: phase.label, value: decimal(summary.averages[phase.id], words.decimalSeparator) }))),
      ...(drop === null ? [] : [el("li", { "data-drop-off": "" }, fill(words.teamAverageDrop, { drop: decimal(drop, words.decimalSeparator) }))])),
    el("h3", {}, words.teamDropHeading),
    distribution(model, summary),
    el("ul", {}, ...Object.entries(summary.verdicts).map(([name, count]) =>
      el("li", { "data-verdict": name }, fill(words.teamVerdicts, { label: verdictLabel(words, name), count, total }))),
      ...(summary.reserve === null ? [] : [el("li", { "data-team-reserve": String(summary.reserve) },
        fill(words.teamReserve, { count: summary.reserve, total }))])),
    el("h3", {}, words.teamNeedsHeading),
    el("ol", { class: "selfcheck__recommendations" }, ...summary.needs.map(need => {
      const topic = entry.topics.find(topic => topic.id === need.id)
      return el("li", { "data-topic": need.id }, el("a", { href: new URL(topic.href, modelUrl).href }, topic.title), el("br"),
                fill(words.teamNeed, { count: need.count, total }))
    })))
}

function table(model, team) {
  const words = model.wording, latest = current(model)
  const profile = result => result.profile ? version(model, result.version).profiles.find(p => p.id === result.profile).title : ""
  const columns = [
    { label: words.teamName, value: (m, i) => m.name || fill(words.teamPerson, { number: i + 1 }), text: true },
    { label: words.teamVersion, value: m => m.result.version },
    ...latest.phases.map(phase => ({ label: phase.label, value: m => m.result.phases[phase.id] })),
    { label: words.teamDropOff, value: m => m.result.dropOff ?? "" },
    { label: words.teamRange, value: m => m.result.dropOffRange ? fill(words.rangeCell, { low: m.result.dropOffRange[0], high: m.result.dropOffRange[1] }) : "", text: true },
    { label: words.teamVerdict, value: m => verdictLabel(words, m.result.verdict), text: true },
    { label: words.teamProfile, value: m => profile(m.result), text: true },
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
      const compare = column.text ? (a, b) => String(a[index]).localeCompare(String(b[index]), model.language)
        : (a, b) => (a[index] === "" ? -Infinity : a[index]) - (b[index] === "" ? -Infinity : b[index])
      fillBody([...rows].sort((a, b) => ascending ? compare(a, b) : compare(b, a)))
    })
    return header
  })
  const fillBody = sorted => body.replaceChildren(...sorted.map(row => el("tr", {}, ...row.map(value => el("td", {}, String(value))))))
  fillBody(rows)
  return el("div", { class: "teamview__scroll", tabindex: "0", role: "region", "aria-label": words.teamTableHeading },
    el("table", { class: "teamview__table" }, el("thead", {}, el("tr", {}, ...headers)), body))
}

function render(root, model, modelUrl, team) {
  const words = model.wording, output = root.querySelector("[data-team-result]")
  const csvButton = el("button", { type: "button", class: "md-button" }, words.teamCsv)
  csvButton.addEventListener("click", () => {
    const link = el("a", { href: URL.createObjectURL(new Blob([toCsv(model, team)], { type: "text/csv;charset=utf-8" })), download: "team.csv" })
    link.click()
    setTimeout(() => URL.revokeObjectURL(link.href), 1000)
  })
  const reasons = { foreign: words.skipForeign, damaged: words.skipDamaged, version: words.skipVersion,
                    newer: words.skipNewer, duplicate: words.skipDuplicate }
  output.replaceChildren(...(team.members.length === 0 ? [el("p", {}, words.teamEmpty)] : [
    ...team.summaries.map(summary => versionSection(model, modelUrl, summary, team.summaries.length > 1)),
    el("h2", {}, words.teamTableHeading),
    el("p", {}, words.teamSortHint),
    table(model, team),
    el("p", { class: "selfcheck__actions" }, csvButton),
  ]), ...(team.skipped.length ? [
    el("h2", {}, words.teamSkippedHeading),
    el("ul", { "data-team-skipped": "" }, ...team.skipped.map(skip => el("li", {}, fill(words.teamSkipped, {
      line: skip.line, reason: fill(reasons[skip.reason], { found: skip.detail, current: model.current, line: skip.detail }) })))),
  ] : []))
  output.hidden = false
}

function setUp(root, model, modelUrl) {
  const words = model.wording
  const form = root.querySelector("[data-team-form]"), input = root.querySelector("[data-team-input]")
  const keep = root.querySelector("[data-team-keep]"), notice = root.querySelector("[data-selfcheck-notice]")
  const say = message => { notice.textContent = message; notice.hidden = !message }
  const show = () => {
    if (keep.checked) storage.set(KEYS.team, JSON.stringify({ text: input.value }))
    else storage.remove(KEYS.team)
    render(root, model, modelUrl, summarise(model, input.value))
  }
  form.addEventListener("submit", event => { event.preventDefault(); say(""); show() })
  keep.addEventListener("change", () => { if (!keep.checked) storage.remove(KEYS.team) })
  root.querySelector("[data-team-clear]").addEventListener("click", () => {
    input.value = ""
    storage.remove(KEYS.team)
    root.querySelector("[data-team-result]").hidden = true
    say(words.teamCleared)
  })
  const { value, damaged } = readJSON(KEYS.team)
  if (damaged || (value !== null && typeof (value && value.text) !== "string")) {
    storage.remove(KEYS.team)
    say(words.storageDamaged)
  } else if (value !== null) {
    input.value = value.text
    keep.checked = true
    show()
  }
  root.dataset.ready = "true"
}

onPage("[data-teamview]", setUp)
