// The team overview page: result codes pasted by a sales lead, summed up in the browser by
// engine.js (the twin of quiz/team.py), and compared with an earlier round if one is pasted too.
// Names stay hidden ("Person 1") unless the lead ticks "Namen zeigen". Nothing is sent anywhere.

import { compare, current, decimal, fill, problemText, shownName, summarise, toCsv, trim, verdictLabel, version } from "./engine.js"
import { KEYS, OLD_KEYS, RENAMED, chart, el, grouped, notice, onPage, readJSON, reported, storage, svg } from "./widgets.js"

const signed = (tenths, separator) => (tenths > 0 ? "+" : "") + decimal(tenths, separator)
const signedWhole = value => (value > 0 ? "+" : "") + value

function distribution(model, summary, id) {
  const words = model.wording, names = Object.keys(summary.verdicts), total = summary.count || 1
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

const roundedPoints = (entry, summary) =>
  Object.fromEntries(entry.phases.map(({ id }) => [id, Math.floor((summary.averages[id] + 5) / 10)]))

// One version's people: versions measure differently and are never averaged together. `prefix`
// keeps the ids apart when both rounds are on the page; `heading` and `note` replace the defaults.
function versionSection(model, modelUrl, summary, { note = null, heading = null, prefix = "" } = {}) {
  const words = model.wording, entry = version(model, summary.version), total = summary.count
  const drop = summary.averages.drop_off, id = `${prefix}${summary.version}`
  return el("section", { "data-team-version": String(summary.version), ...(prefix ? { "data-team-round": prefix.slice(0, -1) } : {}) },
    el("h2", {}, heading || fill(words.teamVersionHeading, { version: summary.version, count: total })),
    ...(note ? [el("p", {}, note)] : []),
    el("h3", {}, words.teamCurveHeading),
    chart(entry.phases, roundedPoints(entry, summary), words.teamChartTitle, words, `team-chart-${id}`),
    el("ul", { "data-team-averages": "" }, ...entry.phases.map(phase =>
      el("li", { "data-phase": phase.id }, fill(words.teamAverageValue, { label: phase.label, value: decimal(summary.averages[phase.id], words.decimalSeparator) }))),
      ...(drop === null ? [] : [el("li", { "data-drop-off": "" }, fill(words.teamAverageDrop, { drop: decimal(drop, words.decimalSeparator) }))])),
    el("h3", {}, words.teamDropHeading),
    distribution(model, summary, `team-distribution-${id}`),
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

// A small table in its own scrolling region, so that a phone keeps the page at its width.
function scrolling(labelledBy, headers, rows, attributes = {}) {
  return el("div", { class: "teamview__scroll", tabindex: "0", role: "region", "aria-labelledby": labelledBy, ...attributes },
    el("table", { class: "teamview__table" },
      el("thead", {}, el("tr", {}, ...headers.map(header => el("th", { scope: "col" }, header)))),
      el("tbody", {}, ...rows.map(([first, ...cells]) => el("tr", {}, el("th", { scope: "row" }, first), ...cells.map(value => el("td", {}, value)))))))
}

// One version in both rounds: both curves side by side, the averages and the verdicts with their change.
function changeSection(model, before, now, change) {
  const words = model.wording, entry = version(model, change.version), separator = words.decimalSeparator
  const round = (summary, name, key) => el("div", {}, chart(entry.phases, roundedPoints(entry, summary),
    fill(words.teamChartTitleRound, { round: name }), words, `team-chart-${key}-${change.version}`))
  const columns = [words.teamRoundBefore, words.teamRoundNow, words.teamChangeColumn]
  const averages = [...entry.phases.map(phase => [phase.label, phase.id]), [words.teamDropOff, "drop_off"]]
    .filter(([, key]) => change.averages[key] !== null)
    .map(([label, key]) => [label, decimal(before.averages[key], separator), decimal(now.averages[key], separator), signed(change.averages[key], separator)])
  const verdicts = Object.keys(change.verdicts).map(name =>
    [verdictLabel(words, name), String(before.verdicts[name]), String(now.verdicts[name]), signedWhole(change.verdicts[name])])
  if (now.reserve !== null) verdicts.push([words.teamReserveRow, String(before.reserve), String(now.reserve), signedWhole(now.reserve - before.reserve)])
  return el("section", { "data-team-change": String(change.version) },
    el("h2", {}, fill(words.teamRoundsVersionHeading, { version: change.version, before: before.count, now: now.count })),
    el("h3", {}, words.teamCurveHeading),
    el("div", { class: "teamview__rounds" }, round(before, words.teamRoundBefore, "before"), round(now, words.teamRoundNow, "now")),
    el("h3", { id: `team-averages-${change.version}` }, words.teamAveragesCaption),
    scrolling(`team-averages-${change.version}`, [words.teamMeasure, ...columns], averages, { "data-team-change-averages": "" }),
    el("h3", { id: `team-verdicts-${change.version}` }, words.teamVerdictsCaption),
    scrolling(`team-verdicts-${change.version}`, [words.teamVerdict, ...columns], verdicts, { "data-team-change-verdicts": "" }))
}

function peopleSection(model, now, rounds, names) {
  const words = model.wording, latest = current(model)
  const rows = rounds.people.map(person => [
    shownName(words, now.members[person.number - 1], person.number, names),
    ...latest.phases.map(phase => signedWhole(person.phases[phase.id])),
    person.dropOff === null ? "" : signedWhole(person.dropOff), verdictLabel(words, person.before), verdictLabel(words, person.now)])
  return el("section", { "data-team-people": "" },
    el("h2", { id: "team-people" }, words.teamPeopleHeading),
    el("p", {}, words.teamPeopleNote),
    rows.length ? scrolling("team-people", [words.teamName, ...latest.phases.map(phase => phase.label), words.teamDropOff,
      words.teamVerdictBefore, words.teamVerdictNow], rows) : el("p", {}, words.teamPeopleNone))
}

function table(model, team, names, numbers, label) {
  const words = model.wording, latest = current(model)
  const profile = result => result.profile ? version(model, result.version).profiles.find(p => p.id === result.profile).title : ""
  const columns = [
    { label: words.teamName, value: (m, i) => shownName(words, m, numbers[i], names), text: true },
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
  return el("div", { class: "teamview__scroll", tabindex: "0", role: "region", "aria-label": label },
    el("table", { class: "teamview__table" }, el("thead", {}, el("tr", {}, ...headers)), body))
}

// The earlier round's people, folded: the table is built only when the lead opens it, so that two
// long rounds are compared within a second.
function earlierTable(model, before, names, numbers, open) {
  const words = model.wording, details = el("details", { "data-team-before-table": "" }, el("summary", {}, words.teamTableBefore))
  details.addEventListener("toggle", () => {
    if (details.open && details.childElementCount === 1) details.append(table(model, before, names, numbers, words.teamTableBefore))
  })
  details.open = open  // stays open when the names are shown or hidden
  return details
}

const skippedList = (model, heading, skipped, round) => skipped.length ? [
  el("h2", {}, heading),
  el("ul", { "data-team-skipped": round }, ...skipped.map(skip => el("li", {}, fill(model.wording.teamSkipped, {
    line: skip.line, reason: problemText(model, "line", skip.reason, skip.detail) })))),
] : []

// The current round alone, or (with an earlier round) the change first: version by version, then per person.
function render(root, model, modelUrl, team, before, names) {
  const words = model.wording, output = root.querySelector("[data-team-result]")
  const csvButton = el("button", { type: "button", class: "md-button" }, words.teamCsv)
  csvButton.addEventListener("click", () => {
    const link = el("a", { href: URL.createObjectURL(new Blob([toCsv(model, team, names)], { type: "text/csv;charset=utf-8" })), download: "team.csv" })
    link.click()
    setTimeout(() => URL.revokeObjectURL(link.href), 1000)
  })
  const ones = team.members.map((member, i) => i + 1)
  const people = team.members.length === 0 ? [el("p", {}, words.teamEmpty)] : [
    el("h2", {}, words.teamTableHeading), el("p", {}, words.teamSortHint), table(model, team, names, ones, words.teamTableHeading),
    el("p", { class: "selfcheck__actions" }, csvButton)]
  if (!before) {
    output.replaceChildren(...(team.members.length ? team.summaries.map(summary =>
      versionSection(model, modelUrl, summary, { note: team.summaries.length > 1 ? words.teamVersionNote : null })) : []),
      ...people, ...skippedList(model, words.teamSkippedHeading, team.skipped, "now"))
  } else {
    const rounds = compare(before, team)
    const wasOpen = Boolean(output.querySelector("[data-team-before-table][open]"))
    const earlier = new Map(before.summaries.map(summary => [summary.version, summary]))
    const later = new Map(team.summaries.map(summary => [summary.version, summary]))
    const alone = (versions, summaries, text, prefix) => versions.map(number => versionSection(model, modelUrl, summaries.get(number),
      { heading: fill(text, { version: number, count: summaries.get(number).count }), note: words.teamNoChangeWhy, prefix }))
    output.replaceChildren(
      ...rounds.changes.map(change => changeSection(model, earlier.get(change.version), later.get(change.version), change)),
      ...alone(rounds.onlyNow, later, words.teamOnlyNow, "now-"), ...alone(rounds.onlyBefore, earlier, words.teamOnlyBefore, "before-"),
      peopleSection(model, team, rounds, names),
      ...people,
      ...(before.members.length ? [earlierTable(model, before, names, rounds.beforeNumbers, wasOpen)] : []),
      ...skippedList(model, words.teamSkippedHeading, team.skipped, "now"),
      ...skippedList(model, words.teamSkippedBefore, before.skipped, "before"))
  }
  output.hidden = false
}

function setUp(root, model, modelUrl, migrated = { damaged: [] }) {
  const words = model.wording
  const form = root.querySelector("[data-team-form]"), input = root.querySelector("[data-team-input]")
  const earlierInput = root.querySelector("[data-team-before]"), namesBox = root.querySelector("[data-team-names]")
  const keep = root.querySelector("[data-team-keep]"), output = root.querySelector("[data-team-result]")
  const { say, tell } = notice(root.querySelector("[data-selfcheck-notice]"))
  // A stored list this page cannot read stays as it is until the lead stores another or clears it.
  let unreadable = false, shown = null

  const tooLarge = refused => tell(fill(words.teamTooLarge, { characters: grouped(words, refused.characters), lines: grouped(words, refused.lines),
    maxCharacters: grouped(words, model.rules.teamMaxCharacters), maxLines: grouped(words, model.rules.teamMaxLines) }))
  // The list is stored only after it was read: a list the page cannot read is never kept.
  const show = () => {
    const team = summarise(model, input.value)
    const before = trim(model, earlierInput.value) ? summarise(model, earlierInput.value) : null
    const refused = team.tooLarge || (before && before.tooLarge)
    if (refused) {
      output.hidden = true
      shown = null
      tooLarge(refused)
      return false
    }
    shown = { team, before }
    render(root, model, modelUrl, team, before, namesBox.checked)
    return true
  }
  const store = () => {
    if (!keep.checked) { if (!unreadable) storage.remove(KEYS.team); return }
    // Only what was given: a single round without names is stored as before, { text }.
    const kept = { text: input.value, ...(earlierInput.value ? { before: earlierInput.value } : {}), ...(namesBox.checked ? { names: true } : {}) }
    const failed = storage.write(KEYS.team, JSON.stringify(kept))
    if (failed) tell(failed === "full" ? words.teamNotKeptFull : words.teamNotKeptBlocked)
    else unreadable = false
  }
  form.addEventListener("submit", event => {
    event.preventDefault()
    say("")
    if (show()) store()
  })
  // Names appear or disappear at once, in the table, the changes and the CSV; the teams are not read again.
  namesBox.addEventListener("change", () => { if (shown && !output.hidden) render(root, model, modelUrl, shown.team, shown.before, namesBox.checked) })
  keep.addEventListener("change", () => { if (!keep.checked && !unreadable) storage.remove(KEYS.team) })
  root.querySelector("[data-team-clear]").addEventListener("click", () => {
    input.value = ""
    earlierInput.value = ""
    for (const key of [KEYS.team, ...OLD_KEYS.filter(key => RENAMED[key] === KEYS.team)]) storage.remove(key)
    keep.checked = false
    namesBox.checked = false
    unreadable = false
    shown = null
    output.hidden = true
    say(words.teamCleared)
  })
  const damagedOld = migrated.damaged.filter(key => RENAMED[key] === KEYS.team)
  if (damagedOld.length) { tell(words.oldTeamDamaged); reported(damagedOld) }
  const { value, damaged } = readJSON(KEYS.team)
  root.dataset.ready = "true"  // "Liste löschen" works from here on, whatever was stored
  // A list kept before the earlier round existed has only `text`: it is read as it was.
  const readable = value => typeof (value && value.text) === "string" && ["string", "undefined"].includes(typeof value.before)
    && ["boolean", "undefined"].includes(typeof value.names)
  if (damaged || (value !== null && !readable(value))) {
    unreadable = true
    tell(words.teamUnreadable)
  } else if (value !== null) {
    input.value = value.text
    earlierInput.value = value.before || ""
    namesBox.checked = value.names === true
    keep.checked = true
    setTimeout(show)  // after the page has become usable: even a list that is too long never holds it up
  }
}

onPage("[data-teamview]", setUp)
