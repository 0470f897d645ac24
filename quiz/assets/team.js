// The team overview page: result codes pasted by a sales lead, summed up in the browser by
// engine.js (the twin of quiz/team.py). Nothing is sent anywhere.

import { current, decimal, fill, problemText, summarise, toCsv, verdictLabel, version } from "./engine.js"
import { KEYS, OLD_KEYS, RENAMED, chart, el, grouped, notice, onPage, readJSON, reported, storage, svg } from "./widgets.js"

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
      const facet = entry.facets.find(facet => facet.id === need.id)
      return el("li", { "data-facet": need.id }, el("a", { href: new URL(facet.href, modelUrl).href }, facet.title), el("br"),
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
  output.replaceChildren(...(team.members.length === 0 ? [el("p", {}, words.teamEmpty)] : [
    ...team.summaries.map(summary => versionSection(model, modelUrl, summary, team.summaries.length > 1)),
    el("h2", {}, words.teamTableHeading),
    el("p", {}, words.teamSortHint),
    table(model, team),
    el("p", { class: "selfcheck__actions" }, csvButton),
  ]), ...(team.skipped.length ? [
    el("h2", {}, words.teamSkippedHeading),
    el("ul", { "data-team-skipped": "" }, ...team.skipped.map(skip => el("li", {}, fill(words.teamSkipped, {
      line: skip.line, reason: problemText(model, "line", skip.reason, skip.detail) })))),
  ] : []))
  output.hidden = false
}

function setUp(root, model, modelUrl, migrated = { damaged: [] }) {
  const words = model.wording
  const form = root.querySelector("[data-team-form]"), input = root.querySelector("[data-team-input]")
  const keep = root.querySelector("[data-team-keep]"), output = root.querySelector("[data-team-result]")
  const { say, tell } = notice(root.querySelector("[data-selfcheck-notice]"))
  // A stored list this page cannot read stays as it is until the lead stores another or clears it.
  let unreadable = false

  // The list is stored only after it was read: a list the page cannot read is never kept.
  const show = () => {
    const team = summarise(model, input.value)
    if (team.tooLarge) {
      output.hidden = true
      tell(fill(words.teamTooLarge, { characters: grouped(words, team.tooLarge.characters), lines: grouped(words, team.tooLarge.lines),
        maxCharacters: grouped(words, model.rules.teamMaxCharacters), maxLines: grouped(words, model.rules.teamMaxLines) }))
      return false
    }
    render(root, model, modelUrl, team)
    return true
  }
  const store = () => {
    if (!keep.checked) { if (!unreadable) storage.remove(KEYS.team); return }
    const failed = storage.write(KEYS.team, JSON.stringify({ text: input.value }))
    if (failed) tell(failed === "full" ? words.teamNotKeptFull : words.teamNotKeptBlocked)
    else unreadable = false
  }
  form.addEventListener("submit", event => {
    event.preventDefault()
    say("")
    if (show()) store()
  })
  keep.addEventListener("change", () => { if (!keep.checked && !unreadable) storage.remove(KEYS.team) })
  root.querySelector("[data-team-clear]").addEventListener("click", () => {
    input.value = ""
    for (const key of [KEYS.team, ...OLD_KEYS.filter(key => RENAMED[key] === KEYS.team)]) storage.remove(key)
    keep.checked = false
    unreadable = false
    output.hidden = true
    say(words.teamCleared)
  })
  const damagedOld = migrated.damaged.filter(key => RENAMED[key] === KEYS.team)
  if (damagedOld.length) { tell(words.oldTeamDamaged); reported(damagedOld) }
  const { value, damaged } = readJSON(KEYS.team)
  root.dataset.ready = "true"  // "Liste löschen" works from here on, whatever was stored
  if (damaged || (value !== null && typeof (value && value.text) !== "string")) {
    unreadable = true
    tell(words.teamUnreadable)
  } else if (value !== null) {
    input.value = value.text
    keep.checked = true
    setTimeout(show)  // after the page has become usable: even a list that is too long never holds it up
  }
}

onPage("[data-teamview]", setUp)
