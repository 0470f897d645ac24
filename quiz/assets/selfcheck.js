// The self-assessment page in the reader's browser: restores answers, scores, draws the result
// and keeps a private history. Nothing is sent anywhere; the only request is the page's own model.
// The numbers come from engine.js, the twin of the Python engine. Results of older versions of
// the questionnaire (codes, links, history) keep the scoring they were made with.

import { NOT_ASKED, codeIn, current as currentVersion, decode, encode, fill, problemText, rulesOf, score, verdictLabel } from "./engine.js"
import { KEYS, OLD_KEYS, RENAMED, chart, el, notice as noticeOf, onPage, readJSON, reported, storage } from "./widgets.js"

const NOT_APPLICABLE = "na"  // the radio value of "kam bei mir nicht vor" (quiz/assessment_page.py)
const signed = number => (number > 0 ? "+" : number < 0 ? "−" : "±") + Math.abs(number)

let current = null  // the self-assessment on the page now, for hash changes

function setUp(root, model, modelUrl, migrated = { damaged: [] }) {
  const words = model.wording
  const latest = currentVersion(model)
  const form = root.querySelector("[data-selfcheck-form]")
  const output = root.querySelector("[data-selfcheck-result]")
  const notice = root.querySelector("[data-selfcheck-notice]")
  const historyBox = root.querySelector("[data-selfcheck-history]")
  const ids = latest.statements.filter(statement => !statement.reserve).map(statement => statement.id)
  const fieldsets = [...form.querySelectorAll("fieldset[data-item]")]
  // Version 3's reserve: its own form below the result, offered while a result stays open.
  const reserveForm = root.querySelector("[data-selfcheck-reserve]")
  const reserveIds = latest.statements.filter(statement => statement.reserve).map(statement => statement.id)
  let reserveBase = null  // the code whose reserve is offered: {code, previous}
  const dateFormat = new Intl.DateTimeFormat(model.language, { dateStyle: "medium" })
  const methodHref = root.dataset.method

  const { say, tell } = noticeOf(notice)
  // Answers stored by a newer version of the page are kept as they are until the reader starts again.
  let keepStoredAnswers = false
  // One entry per statement: a number 1..5, null for "kam nicht vor", undefined while unanswered.
  const valueOf = (owner, id) => {
    const value = owner.elements[id].value
    return value === NOT_APPLICABLE ? null : value ? Number(value) : undefined
  }
  const answers = () => ids.map(id => valueOf(form, id))
  // Every statement of the current version in order: the base test's answers, the reserve not asked.
  const fullAnswers = given => {
    const byId = new Map(ids.map((id, i) => [id, given[i]]))
    return latest.statements.map(statement => statement.reserve ? NOT_ASKED : byId.get(statement.id))
  }
  const codeOf = text => decode(model, text)
  const dated = entry => typeof entry.date === "string" && !Number.isNaN(Date.parse(entry.date))
  const validAnswer = (statement, answer) => answer === NOT_APPLICABLE ? statement.trigger
    : Number.isInteger(answer) && answer >= 1 && answer <= model.rules.scalePoints

  function showProgress() {
    const answered = answers().filter(answer => answer !== undefined).length
    form.querySelector("[data-selfcheck-progress]").value = answered
    form.querySelector("[data-selfcheck-count]").textContent = fill(words.progress, { answered, total: ids.length })
  }

  // One write per change. When it fails, the older save is marked incomplete; where not even the
  // mark fits, the older save makes room for it. A partial save never passes for a whole one.
  function saveAnswers() {
    if (keepStoredAnswers) return
    const saved = {}
    answers().forEach((answer, i) => { if (answer !== undefined) saved[ids[i]] = answer === null ? NOT_APPLICABLE : answer })
    const failed = storage.write(KEYS.answers, JSON.stringify({ version: latest.version, answers: saved }))
    if (!failed) { storage.remove(KEYS.incomplete); return }
    if (!storage.set(KEYS.incomplete, "1")) { storage.remove(KEYS.answers); storage.set(KEYS.incomplete, "1") }
    tell(failed === "full" ? words.answersNotKeptFull : words.storageBlocked)
  }

  // Answers in progress. Those of another version stay stored, with a word of explanation,
  // until the reader answers here; only data that cannot be read is dropped, and then said so.
  function restoreAnswers() {
    if (storage.get(KEYS.incomplete) !== null) tell(words.answersIncomplete)
    const { value, damaged } = readJSON(KEYS.answers)
    if (value === null && !damaged) return
    const saved = value && value.answers
    const readable = !damaged && typeof saved === "object" && saved !== null && Number.isInteger(value.version)
    if (!readable) { storage.remove(KEYS.answers); tell(words.storageDamaged); return }
    if (value.version > latest.version) {
      keepStoredAnswers = true
      tell(fill(words.answersFromNewer, { found: value.version, current: latest.version }))
      return
    }
    if (value.version !== latest.version) { tell(fill(words.answersFromOlder, { found: value.version })); return }
    // Each answer on its own: one that fits no statement (or is no answer) is dropped, the others stay.
    const byId = new Map(latest.statements.map(statement => [statement.id, statement]))
    const usable = Object.entries(saved).filter(([id, answer]) => byId.has(id) && !byId.get(id).reserve && validAnswer(byId.get(id), answer))
    for (const [id, answer] of usable) form.elements[id].value = String(answer)
    const dropped = Object.keys(saved).length - usable.length
    if (dropped) {
      tell(fill(words.answersPartlyDropped, { dropped, kept: usable.length }))
      saveAnswers()
    }
  }

  // Earlier results on this device: [{code, date}], oldest first. Results of every version this
  // page knows are shown; a code from a newer version stays stored but is not shown here.
  function loadHistory() {
    const { value, damaged } = readJSON(KEYS.history)
    if (value === null && !damaged) return []
    // An entry without a readable date is kept and shown as "Datum unbekannt"; only unreadable codes go.
    const readable = entry => entry && typeof entry.code === "string" && ["newer", undefined].includes(codeOf(entry.code).problem)
    const entries = Array.isArray(value) ? value.filter(readable) : []
    if (damaged || !Array.isArray(value)) {
      storage.set(KEYS.history, JSON.stringify(entries))
      tell(words.historyDamaged)
    } else if (entries.length !== value.length) {
      storage.set(KEYS.history, JSON.stringify(entries))
      tell(fill(words.historyPartlyDropped, { dropped: value.length - entries.length, kept: entries.length }))
    }
    return entries.filter(entry => !codeOf(entry.code).problem)
  }

  function historyText(entry) {
    const { entry: version, answers } = codeOf(entry.code)
    const result = score(model, version, answers)
    const date = dated(entry) ? dateFormat.format(new Date(entry.date)) : words.dateUnknown
    if (version.method === "phase_means")
      return fill(words.historyEntry, { date, average: result.average, after: result.phases.after_sale }) + " " +
        fill(words.historyVersion, { version: version.version })
    return fill(words.historyEntryV2, { date, verdict: verdictLabel(words, result.verdict), level: result.level })
  }

  function showHistory() {
    const entries = loadHistory()
    historyBox.replaceChildren()
    historyBox.hidden = entries.length === 0
    if (!entries.length) return
    const list = el("ol", { reversed: "" })
    for (const entry of [...entries].reverse())
      list.append(el("li", { "data-version": String(codeOf(entry.code).entry.version) },
        el("a", { href: `#code=${entry.code}` }, historyText(entry))))
    historyBox.append(el("h2", {}, words.historyHeading), list)
  }

  function comparison(entry, result, previous) {
    const before = codeOf(previous.code)
    const earlier = score(model, before.entry, before.answers)
    const rows = entry.phases.map(phase => el("li", {}, fill(words.compareEntry,
      { label: phase.label, delta: signed(result.phases[phase.id] - earlier.phases[phase.id]) })))
    return el("section", { class: "selfcheck__compare" },
      el("h3", {}, `${words.compareHeading} (${dated(previous) ? dateFormat.format(new Date(previous.date)) : words.dateUnknown})`),
      el("ul", {}, ...rows))
  }

  // The numbers as sentences: phases, change, range, level, and what would make an open result clear.
  function numbers(entry, result) {
    const items = entry.phases.map(phase => el("li", { "data-phase": phase.id },
      fill(words.phaseValue, { label: phase.label, value: result.phases[phase.id] })))
    if (result.dropOff !== null) items.push(el("li", { "data-drop-off": String(result.dropOff) }, result.dropOff >= 0
      ? fill(words.dropValue, { drop: result.dropOff }) : fill(words.riseValue, { rise: -result.dropOff })))
    if (result.dropOffRange) items.push(el("li", { "data-range": result.dropOffRange.join(" ") }, fill(words.rangeValue,
      { low: result.dropOffRange[0], high: result.dropOffRange[1], pairs: result.pairs })))
    items.push(el("li", { "data-level": String(result.level) }, fill(words.levelValue, { level: result.level })))
    return el("ul", { class: "selfcheck__numbers" }, ...items)
  }

  function explanation(entry, result, offered) {
    const rules = rulesOf(model, entry)
    const reserve = result.reserve ? [el("p", { "data-reserve-pairs": String(result.reserve) },
      fill(words.reserveAnswered, { pairs: result.reserve }))] : []
    if (offered) {  // a button, not a link: the address keeps its #code= for reloads and sharing
      const go = el("button", { type: "button", class: "md-button" }, words.reserveGo)
      go.addEventListener("click", () => {
        reserveForm.scrollIntoView({ block: "start" })
        reserveForm.querySelector("input").focus({ preventScroll: true })
      })
      reserve.push(el("p", { "data-reserve-offer": "" }, fill(words.reserveOffer, { pairs: reserveIds.length / 2 }), " ", go))
    }
    if (result.verdict === "too_few")
      return [el("p", { "data-clarity": "too_few" }, fill(words.tooFew, { pairs: result.pairs, min: rules.minPairs })), ...reserve]
    if (result.verdict !== "unclear" || !result.clarity) return reserve
    const [low, high] = result.dropOffRange
    return [el("p", { "data-clarity": result.clarity.side }, result.clarity.side === "yes"
      ? fill(words.unclearYes, { low, threshold: rules.yesFrom })
      : fill(words.unclearNo, { high, threshold: rules.noUpTo })), ...reserve]
  }

  // Offer the reserve under the reader's own open result of the current version, once.
  const reserveOpen = (entry, result, shared) =>
    Boolean(reserveForm) && !shared && entry.version === latest.version && result.verdict === "unclear" && result.reserve === 0

  function offerReserve(code, entry, result, { shared, previous }) {
    if (!reserveForm) return
    const open = reserveOpen(entry, result, shared)
    reserveBase = open ? { code, previous } : null
    if (open && reserveForm.hidden) reserveForm.reset()
    reserveForm.hidden = !open
  }

  function showResult(code, decoded, { shared = false, previous = null } = {}) {
    const entry = decoded.entry
    const result = score(model, entry, decoded.answers)
    const profile = result.profile && entry.profiles.find(profile => profile.id === result.profile)
    const link = `${location.href.split("#")[0]}#code=${code}`
    const copyButton = el("button", { type: "button", class: "md-button" }, words.copy)
    const copyStatus = el("span", { role: "status" })
    const shareField = el("input", { id: "selfcheck-share", type: "text", readonly: "", value: link })
    copyButton.addEventListener("click", () => {
      shareField.select()
      // navigator.clipboard exists only on https and localhost: elsewhere say it could not copy.
      const copying = navigator.clipboard ? navigator.clipboard.writeText(link) : Promise.reject(new Error("no clipboard"))
      copying.then(() => words.copied, () => words.copyFailed).then(message => { copyStatus.textContent = message })
    })
    const printButton = el("button", { type: "button", class: "md-button" }, words.print)
    printButton.addEventListener("click", () => window.print())
    const restartButton = el("button", { type: "button", class: "md-button md-button--primary" }, words.restart)
    restartButton.addEventListener("click", restart)
    const older = entry.version !== latest.version

    output.replaceChildren(
      el("h2", { "data-drops-off": String(result.dropsOff), "data-verdict": result.verdict, "data-version": String(entry.version) },
        result.headline),
      ...(older ? [el("p", { class: "selfcheck__older" }, fill(words.olderResult, { version: entry.version, current: latest.version }))] : []),
      ...(shared ? [el("p", {}, words.sharedNote)] : []),
      ...explanation(entry, result, reserveOpen(entry, result, shared)),
      chart(entry.phases, result.phases, words.chartTitle, words),
      el("h3", {}, words.numbersHeading),
      numbers(entry, result),
      el("p", {}, el("a", { href: methodHref, "data-method-link": "" }, words.methodLink)),
      ...(profile ? [el("h3", { "data-profile": profile.id }, fill(words.profileHeading, { title: profile.title })),
                     el("p", {}, profile.text)] : []),
      el("h3", {}, words.recommendationsHeading),
      el("ol", { class: "selfcheck__recommendations" }, ...result.recommendations.map(id => {
        const facet = latest.facets.find(facet => facet.id === id) || entry.facets.find(facet => facet.id === id)
        return el("li", { "data-facet": id }, el("a", { href: new URL(facet.href, modelUrl).href }, facet.title), el("br"), facet.text)
      })),
      ...(previous ? [comparison(entry, result, previous)] : []),
      el("section", { class: "selfcheck__share" },
        el("h3", {}, words.shareHeading),
        el("label", { for: "selfcheck-share" }, words.shareLabel), shareField,
        el("p", {}, copyButton, " ", printButton, " ", copyStatus),
        el("p", {}, `${words.codeLabel}: `, el("code", { "data-selfcheck-code": "" }, code))),
      el("p", { class: "selfcheck__actions" }, restartButton))
    output.hidden = false
    form.hidden = true
    offerReserve(code, entry, result, { shared, previous })
    output.focus()
    document.dispatchEvent(new CustomEvent("selfcheck:result", { detail: {
      code, version: entry.version, phases: { ...result.phases }, dropOff: result.dropOff,
      dropOffRange: result.dropOffRange && [...result.dropOffRange], dropsOff: result.dropsOff, level: result.level,
      profile: result.profile } }))
  }

  function showForm() {
    output.hidden = true
    output.replaceChildren()
    form.hidden = false
    if (reserveForm) { reserveForm.hidden = true; reserveBase = null }
  }

  function restart() {  // the reader chooses to start again: stored answers of any version make way
    form.reset()
    keepStoredAnswers = false
    storage.remove(KEYS.answers)
    storage.remove(KEYS.incomplete)
    history.replaceState(null, "", location.pathname + location.search)
    say("")
    showProgress()
    showForm()
    fieldsets[0].querySelector("input").focus()
  }

  // On a hash change the notice starts afresh; at start-up it keeps what the stored data had to say.
  function showFromHash({ fresh = true } = {}) {
    const put = fresh ? say : tell
    const fragment = location.hash.startsWith("#code=") ? location.hash.slice(6) : null
    if (fragment === null) return false
    let text = fragment  // far beyond the limit (12 characters encode one at most) it is not even decoded
    if (fragment.length <= 12 * model.rules.linkLimit) try { text = decodeURIComponent(fragment) } catch { /* as typed */ }
    const code = codeIn(model, `code=${text}`)  // the one rule for links (quiz/text.py code_in)
    const decoded = codeOf(code)
    if (decoded.problem) {
      put(problemText(model, "link", decoded.problem, decoded.found))
      showForm()
      return false
    }
    put("")
    const own = loadHistory().some(entry => entry.code === code)
    showResult(code, decoded, { shared: !own })
    return true
  }

  form.addEventListener("change", event => {
    event.target.closest("fieldset").classList.remove("selfcheck__item--open")
    saveAnswers()
    showProgress()
  })

  // Marks the statements still open and says how many; true when every one has an answer.
  function allAnswered(items, given) {
    const open = items.filter((fieldset, i) => given[i] === undefined)
    if (open.length) {
      open.forEach(fieldset => fieldset.classList.add("selfcheck__item--open"))
      say(open.length === 1 ? words.missingOne : fill(words.missing, { count: open.length }))
      open[0].querySelector("input").focus()
      return false
    }
    say("")
    return true
  }

  form.addEventListener("submit", event => {
    event.preventDefault()
    const given = answers()
    if (!allAnswered(fieldsets, given)) return
    const full = fullAnswers(given)
    const code = encode(model, latest, full)
    const entries = loadHistory()
    const previous = [...entries].reverse().find(entry => codeOf(entry.code).entry.version === latest.version) || null
    entries.push({ code, date: new Date().toISOString() })
    const failed = storeHistory(entries)
    history.replaceState(null, "", `#code=${code}`)
    showResult(code, { entry: latest, answers: full }, { previous })
    showHistory()
    if (failed) tell(failed === "full" ? words.resultNotKeptFull : words.resultNotKeptBlocked)
  })

  function storeHistory(entries) {
    const stored = readJSON(KEYS.history).value  // keep entries this page cannot show (newer versions)
    const hidden = Array.isArray(stored) ? stored.filter(entry => entry && codeOf(entry.code).problem === "newer") : []
    return storage.write(KEYS.history, JSON.stringify([...hidden, ...entries]))  // "full", "blocked" or nothing
  }

  // The reserve answered: the same result with more pairs. Its code replaces the open one in the
  // history (one attempt, one entry), the link follows, and selfcheck:result fires again.
  if (reserveForm) reserveForm.addEventListener("submit", event => {
    event.preventDefault()
    if (!reserveBase) return
    const given = reserveIds.map(id => valueOf(reserveForm, id))
    if (!allAnswered([...reserveForm.querySelectorAll("fieldset[data-item]")], given)) return
    const base = codeOf(reserveBase.code)
    const byId = new Map(reserveIds.map((id, i) => [id, given[i]]))
    const full = latest.statements.map((statement, i) => statement.reserve ? byId.get(statement.id) : base.answers[i])
    const code = encode(model, latest, full)
    const entries = loadHistory()
    const at = entries.map(entry => entry.code).lastIndexOf(reserveBase.code)
    if (at >= 0) entries[at] = { code, date: entries[at].date }
    else entries.push({ code, date: new Date().toISOString() })
    const failed = storeHistory(entries)
    history.replaceState(null, "", `#code=${code}`)
    const previous = reserveBase.previous
    showResult(code, { entry: latest, answers: full }, { previous })
    showHistory()
    if (failed) tell(failed === "full" ? words.resultNotKeptFull : words.resultNotKeptBlocked)
  })
  if (reserveForm) reserveForm.addEventListener("change", event => {
    event.target.closest("fieldset").classList.remove("selfcheck__item--open")
  })

  root.querySelector("[data-selfcheck-delete]").addEventListener("click", () => {
    for (const key of [KEYS.answers, KEYS.history, KEYS.incomplete, KEYS.reported, ...OLD_KEYS.filter(key => RENAMED[key] !== KEYS.team)])
      storage.remove(key)
    keepStoredAnswers = false
    form.reset()
    history.replaceState(null, "", location.pathname + location.search)
    showProgress()
    showForm()
    showHistory()
    say(words.deleted)
  })

  const probe = storage.write("selfcheck.probe", "1")
  if (probe) tell(probe === "full" ? words.storageFull : words.storageBlocked)
  else storage.remove("selfcheck.probe")
  const damagedOld = migrated.damaged.filter(key => RENAMED[key] !== KEYS.team)
  if (damagedOld.length) { tell(words.oldDataDamaged); reported(damagedOld) }
  restoreAnswers()
  showProgress()
  showHistory()
  showFromHash({ fresh: false })
  root.dataset.ready = "true"  // for tests and integrators: the questionnaire now reacts
  return { root, showFromHash }
}

window.addEventListener("hashchange", () => {
  if (current && current.root.isConnected) current.showFromHash()
})

onPage("[data-selfcheck]", (...page) => { current = setUp(...page) })

// For integrators and tests: the engine behind this page (the same functions the page uses).
export { current, decode, encode, score } from "./engine.js"
