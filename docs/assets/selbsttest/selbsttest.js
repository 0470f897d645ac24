// The self-assessment in the reader's browser: restores answers, scores, draws the result and
// keeps a private history. Nothing is sent anywhere; the only request is the page's own model.
// score(), encode() and decode() mirror quiz/scoring.py and quiz/codes.py; the tests compare both.

const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
export const PHASES = ["first_contact", "proposal", "closing", "after_sale"]
const ANSWERS_KEY = "selbsttest.answers"
const HISTORY_KEY = "selbsttest.history"
const SVG = "http://www.w3.org/2000/svg"

// --- scoring and result codes (keep in step with quiz/) ------------------------------------

export const roundedMean = (total, count) => Math.floor((2 * total + count) / (2 * count))
const statementPoints = (keyed, answer) => ((keyed === "plus" ? answer : 6 - answer) - 1) * 25

export function score(model, answers) {
  const points = model.statements.map((statement, i) => statementPoints(statement.keyed, answers[i]))
  const meanWhere = test => {
    let total = 0, count = 0
    model.statements.forEach((statement, i) => { if (test(statement)) { total += points[i]; count++ } })
    return roundedMean(total, count)
  }
  const phases = {}
  for (const id of PHASES) phases[id] = meanWhere(statement => statement.phase === id)
  const average = roundedMean(PHASES.reduce((sum, id) => sum + phases[id], 0), PHASES.length)
  const dropOff = phases.closing - phases.after_sale
  const band = model.verdict.find(band => band.from <= dropOff && dropOff <= band.to)
  const metrics = { ...phases, average, drop_off: dropOff }
  const profile = model.profiles.find(profile => Object.entries(profile.when).every(([metric, [low, high]]) =>
    (low === null || metrics[metric] >= low) && (high === null || metrics[metric] <= high)))
  const recommendations = model.topics
    .map((topic, index) => ({ id: topic.id, index, value: meanWhere(statement => statement.topic === topic.id) }))
    .sort((a, b) => a.value - b.value || a.index - b.index)
    .slice(0, model.recommendationCount).map(topic => topic.id)
  return { phases, average, dropOff, dropsOff: band.dropsOff, headline: band.headline.replaceAll("{drop}", dropOff),
           profile: profile.id, recommendations }
}

const checkValue = values => values.reduce((sum, value, i) => sum + (i + 1) * value, 0) % ALPHABET.length

export function encode(version, answers) {
  const digits = answers.map(answer => answer - 1)
  if (digits.length % 2) digits.push(0)
  const values = []
  for (let i = 0; i < digits.length; i += 2) values.push(digits[i] * 5 + digits[i + 1])
  return `${version}-` + values.map(value => ALPHABET[value]).join("") + ALPHABET[checkValue(values)]
}

// Returns {answers} or {problem: "foreign" | "version" | "damaged", found}.
export function decode(code, version, count) {
  const match = /^([1-9][0-9]{0,2})-([2-9A-HJ-NP-Z]+)$/.exec(String(code).trim().toUpperCase())
  if (!match) return { problem: "foreign" }
  const found = Number(match[1])
  if (found !== version) return { problem: "version", found }
  const values = [...match[2]].map(char => ALPHABET.indexOf(char))
  const check = values.pop()
  if (values.length !== Math.floor((count + 1) / 2) || values.some(value => value >= 25) || checkValue(values) !== check)
    return { problem: "damaged" }
  const digits = values.flatMap(value => [Math.floor(value / 5), value % 5])
  if (digits.length > count && digits[digits.length - 1] !== 0) return { problem: "damaged" }
  return { answers: digits.slice(0, count).map(digit => digit + 1) }
}

// --- storage that never throws: blocked storage behaves like an empty, forgetful one ----------

export const storage = {
  get(key) { try { return localStorage.getItem(key) } catch { return null } },
  set(key, value) { try { localStorage.setItem(key, value); return true } catch { return false } },
  remove(key) { try { localStorage.removeItem(key) } catch { /* nothing stored */ } },
}

export function readJSON(key) {
  const raw = storage.get(key)
  if (raw === null) return { value: null }
  try { return { value: JSON.parse(raw) } } catch { return { damaged: true } }
}

// --- small DOM helpers: text only, never markup from data -------------------------------------

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  node.append(...children)
  return node
}

export function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  if (text !== undefined) node.textContent = text
  return node
}

export const fill = (text, values) => text.replace(/\{(\w+)\}/g, (whole, name) => name in values ? values[name] : whole)
const signed = number => (number > 0 ? "+" : number < 0 ? "−" : "±") + Math.abs(number)

// Same drawing as the guidance diagram (includes/leistungskurve.html), with the reader's curve.
export function chart(model, phases, title) {
  const xs = [97, 203, 309, 415], y = value => 236 - 2 * value
  const root = svg("svg", { viewBox: "0 0 480 300", role: "img", "aria-labelledby": "selfcheck-chart-title" })
  root.append(svg("title", { id: "selfcheck-chart-title" }, title))
  const grid = svg("g", { class: "effort-chart__grid" })
  for (const value of [0, 25, 50, 75, 100]) grid.append(svg("line", { x1: 44, x2: 468, y1: y(value), y2: y(value) }))
  const axis = svg("g", { class: "effort-chart__axis", "text-anchor": "middle" })
  model.phases.forEach((phase, i) => phase.label.split(" ").reduce((lines, word) => {
    const last = lines.length - 1
    if (last >= 0 && (lines[last] + " " + word).length <= 12) lines[last] += " " + word
    else lines.push(word)
    return lines
  }, []).forEach((line, row) => axis.append(svg("text", { x: xs[i], y: 260 + 18 * row }, line))))
  for (const [value, label] of [[0, "0 %"], [50, "50 %"], [100, "100 %"]])
    axis.append(svg("text", { x: 38, y: y(value) + 5, "text-anchor": "end" }, label))
  const points = PHASES.map((id, i) => `${xs[i]},${y(phases[id])}`).join(" ")
  const marks = svg("g", { class: "effort-chart__points effort-chart__points--average" })
  const labels = svg("g", { class: "effort-chart__label", "text-anchor": "middle" })
  PHASES.forEach((id, i) => {
    const value = phases[id]
    marks.append(svg("circle", { cx: xs[i], cy: y(value), r: 5 }))
    labels.append(svg("text", { x: xs[i], y: value > 80 ? y(value) + 24 : y(value) - 12 }, `${value} %`))
  })
  root.append(grid, axis,
    svg("polyline", { class: "effort-chart__line effort-chart__line--top", points: xs.map(x => `${x},${y(100)}`).join(" ") }),
    svg("polyline", { class: "effort-chart__line effort-chart__line--average", points }),
    marks, labels,
    svg("text", { class: "effort-chart__label effort-chart__label--top", x: 50, y: 24 }, model.wording.chartTop))
  return el("figure", { class: "effort-chart" }, root)
}

// --- the page -------------------------------------------------------------------------------

let current = null  // the self-assessment on the page now, for hash changes

function setUp(root, model) {
  const words = model.wording
  const form = root.querySelector("[data-selfcheck-form]")
  const output = root.querySelector("[data-selfcheck-result]")
  const notice = root.querySelector("[data-selfcheck-notice]")
  const historyBox = root.querySelector("[data-selfcheck-history]")
  const ids = model.statements.map(statement => statement.id)
  const fieldsets = [...form.querySelectorAll("fieldset[data-item]")]
  const dateFormat = new Intl.DateTimeFormat(model.language, { dateStyle: "medium" })

  const say = message => { notice.textContent = message; notice.hidden = !message }
  const answers = () => ids.map(id => Number(form.elements[id].value) || 0)
  const codeOf = text => decode(text, model.version, ids.length)

  function showProgress() {
    const answered = answers().filter(Boolean).length
    form.querySelector("[data-selfcheck-progress]").value = answered
    form.querySelector("[data-selfcheck-count]").textContent = fill(words.progress, { answered, total: ids.length })
  }

  function saveAnswers() {
    const saved = {}
    answers().forEach((answer, i) => { if (answer) saved[ids[i]] = answer })
    storage.set(ANSWERS_KEY, JSON.stringify({ version: model.version, answers: saved }))
  }

  function restoreAnswers() {
    const { value, damaged } = readJSON(ANSWERS_KEY)
    if (value === null && !damaged) return
    const saved = value && value.answers
    const valid = !damaged && typeof saved === "object" && saved !== null &&
      Object.entries(saved).every(([id, answer]) => ids.includes(id) && [1, 2, 3, 4, 5].includes(answer))
    if (!valid) { storage.remove(ANSWERS_KEY); say(words.storageDamaged); return }
    if (value.version !== model.version) { storage.remove(ANSWERS_KEY); return }
    for (const [id, answer] of Object.entries(saved)) form.elements[id].value = String(answer)
  }

  // Earlier results on this device: [{code, date}], oldest first; damaged entries are dropped.
  function loadHistory() {
    const { value, damaged } = readJSON(HISTORY_KEY)
    if (value === null && !damaged) return []
    const entries = Array.isArray(value) ? value.filter(entry => entry && typeof entry.code === "string" &&
      !Number.isNaN(Date.parse(entry.date)) && !codeOf(entry.code).problem) : []
    if (damaged || !Array.isArray(value) || entries.length !== value.length) {
      storage.set(HISTORY_KEY, JSON.stringify(entries))
      say(words.storageDamaged)
    }
    return entries
  }

  function showHistory() {
    const entries = loadHistory()
    historyBox.replaceChildren()
    historyBox.hidden = entries.length === 0
    if (!entries.length) return
    const list = el("ol", { reversed: "" })
    for (const entry of [...entries].reverse()) {
      const result = score(model, codeOf(entry.code).answers)
      list.append(el("li", {}, el("a", { href: `#code=${entry.code}` }, fill(words.historyEntry, {
        date: dateFormat.format(new Date(entry.date)), average: result.average, after: result.phases.after_sale }))))
    }
    historyBox.append(el("h2", {}, words.historyHeading), list)
  }

  function comparison(result, previous) {
    const before = score(model, codeOf(previous.code).answers)
    const rows = model.phases.map(phase => el("li", {}, fill(words.compareEntry,
      { label: phase.label, delta: signed(result.phases[phase.id] - before.phases[phase.id]) })))
    return el("section", { class: "selfcheck__compare" },
      el("h3", {}, `${words.compareHeading} (${dateFormat.format(new Date(previous.date))})`), el("ul", {}, ...rows))
  }

  function showResult(code, given, { shared = false, previous = null } = {}) {
    const result = score(model, given)
    const profile = model.profiles.find(profile => profile.id === result.profile)
    const link = `${location.href.split("#")[0]}#code=${code}`
    const copyButton = el("button", { type: "button", class: "md-button" }, words.copy)
    const copyStatus = el("span", { role: "status" })
    const shareField = el("input", { id: "selfcheck-share", type: "text", readonly: "", value: link })
    copyButton.addEventListener("click", () => {
      navigator.clipboard.writeText(link).then(() => words.copied, () => words.copyFailed)
        .then(message => { copyStatus.textContent = message })
      shareField.select()
    })
    const printButton = el("button", { type: "button", class: "md-button" }, words.print)
    printButton.addEventListener("click", () => window.print())
    const restartButton = el("button", { type: "button", class: "md-button md-button--primary" }, words.restart)
    restartButton.addEventListener("click", restart)
    const change = result.dropOff >= 0 ? fill(words.dropValue, { drop: result.dropOff }) : fill(words.riseValue, { rise: -result.dropOff })

    output.replaceChildren(
      el("h2", { "data-drops-off": String(result.dropsOff) }, result.headline),
      ...(shared ? [el("p", {}, words.sharedNote)] : []),
      chart(model, result.phases, words.chartTitle),
      el("h3", {}, words.numbersHeading),
      el("ul", { class: "selfcheck__numbers" },
        ...model.phases.map(phase => el("li", { "data-phase": phase.id }, fill(words.phaseValue, { label: phase.label, value: result.phases[phase.id] }))),
        el("li", { "data-drop-off": String(result.dropOff) }, change)),
      el("h3", { "data-profile": profile.id }, fill(words.profileHeading, { title: profile.title })),
      el("p", {}, profile.text),
      el("h3", {}, words.recommendationsHeading),
      el("ol", { class: "selfcheck__recommendations" }, ...result.recommendations.map(id => {
        const topic = model.topics.find(topic => topic.id === id)
        return el("li", { "data-topic": id }, el("a", { href: topic.href }, topic.title), el("br"), topic.text)
      })),
      ...(previous ? [comparison(result, previous)] : []),
      el("section", { class: "selfcheck__share" },
        el("h3", {}, words.shareHeading),
        el("label", { for: "selfcheck-share" }, words.shareLabel), shareField,
        el("p", {}, copyButton, " ", printButton, " ", copyStatus),
        el("p", {}, `${words.codeLabel}: `, el("code", { "data-selfcheck-code": "" }, code))),
      el("p", { class: "selfcheck__actions" }, restartButton))
    output.hidden = false
    form.hidden = true
    output.focus()
    document.dispatchEvent(new CustomEvent("selfcheck:result", { detail: {
      code, phases: { ...result.phases }, dropOff: result.dropOff, dropsOff: result.dropsOff, profile: result.profile } }))
  }

  function showForm() {
    output.hidden = true
    output.replaceChildren()
    form.hidden = false
  }

  function restart() {
    form.reset()
    storage.remove(ANSWERS_KEY)
    history.replaceState(null, "", location.pathname + location.search)
    say("")
    showProgress()
    showForm()
    fieldsets[0].querySelector("input").focus()
  }

  function showFromHash() {
    const fragment = location.hash.startsWith("#code=") ? location.hash.slice(6) : null
    if (fragment === null) return false
    let text
    try { text = decodeURIComponent(fragment) } catch { text = fragment }
    const decoded = codeOf(text)
    if (decoded.problem) {
      const messages = { foreign: words.linkForeign, damaged: words.linkDamaged,
                         version: fill(words.linkVersion, { found: decoded.found, current: model.version }) }
      say(messages[decoded.problem])
      showForm()
      return false
    }
    say("")
    const own = loadHistory().some(entry => entry.code === text)
    showResult(text, decoded.answers, { shared: !own })
    return true
  }

  form.addEventListener("change", event => {
    event.target.closest("fieldset").classList.remove("selfcheck__item--open")
    saveAnswers()
    showProgress()
  })

  form.addEventListener("submit", event => {
    event.preventDefault()
    const given = answers()
    const open = fieldsets.filter((fieldset, i) => !given[i])
    if (open.length) {
      open.forEach(fieldset => fieldset.classList.add("selfcheck__item--open"))
      say(open.length === 1 ? words.missingOne : fill(words.missing, { count: open.length }))
      open[0].querySelector("input").focus()
      return
    }
    say("")
    const code = encode(model.version, given)
    const entries = loadHistory()
    const previous = entries[entries.length - 1] || null
    entries.push({ code, date: new Date().toISOString() })
    storage.set(HISTORY_KEY, JSON.stringify(entries))
    history.replaceState(null, "", `#code=${code}`)
    showResult(code, given, { previous })
    showHistory()
  })

  root.querySelector("[data-selfcheck-delete]").addEventListener("click", () => {
    storage.remove(ANSWERS_KEY)
    storage.remove(HISTORY_KEY)
    form.reset()
    history.replaceState(null, "", location.pathname + location.search)
    showProgress()
    showForm()
    showHistory()
    say(words.deleted)
  })

  if (!storage.set("selbsttest.probe", "1")) say(words.storageBlocked)
  storage.remove("selbsttest.probe")
  restoreAnswers()
  showProgress()
  showHistory()
  showFromHash()
  root.dataset.ready = "true"  // for tests and integrators: the questionnaire now reacts
  return { root, showFromHash }
}

// Calls setUp(root, model) once for every page that has `selector`, also after Material's instant
// navigation (document$ fires for each page; the data-started mark keeps it to once per page).
export function onPage(selector, setUp) {
  const start = () => {
    const root = document.querySelector(selector)
    if (!root || root.dataset.started) return
    root.dataset.started = "true"
    fetch(new URL(root.dataset.model, location.href))
      .then(response => { if (!response.ok) throw new Error(response.statusText); return response.json() })
      .then(model => setUp(root, model), () => {
        const notice = root.querySelector("[data-selfcheck-notice]")
        notice.textContent = root.dataset.failed
        notice.hidden = false
      })
  }
  start()
  if (window.document$) window.document$.subscribe(start)
}

window.addEventListener("hashchange", () => {
  if (current && current.root.isConnected) current.showFromHash()
})

onPage("[data-selfcheck]", (root, model) => { current = setUp(root, model) })
