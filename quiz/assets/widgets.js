// What the assessment page and the team page share in the browser: storage that never throws,
// the one migration of stored data, DOM helpers that never insert markup, the effort chart, and
// start-up on every page view (Material's instant navigation included).

const SVG = "http://www.w3.org/2000/svg"

// --- storage that never throws: blocked storage behaves like an empty, forgetful one ----------

// Why a write failed: "full" (the browser's quota is used up) or "blocked" (no storage allowed).
const failure = error => error && (error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
  error.code === 22 || error.code === 1014) ? "full" : "blocked"

export const storage = {
  get(key) { try { return localStorage.getItem(key) } catch { return null } },
  // null when kept, otherwise "full" or "blocked". One setItem is atomic: a failed write leaves the old value.
  write(key, value) { try { localStorage.setItem(key, value); return null } catch (error) { return failure(error) } },
  set(key, value) { return storage.write(key, value) === null },
  remove(key) { try { localStorage.removeItem(key) } catch { /* nothing stored */ } },
}

export const KEYS = { answers: "selfcheck.answers", history: "selfcheck.history", team: "selfcheck.team",
                      incomplete: "selfcheck.answers.incomplete", reported: "selfcheck.reported" }

// Keys that earlier versions of the site used. Stored data moves to its new key and is never
// dropped: where both exist, histories are joined, answers of one version and team lists are
// merged, and what cannot be merged (or read) stays under its old key until "Meine Daten löschen"
// or "Liste löschen".
export const RENAMED = { "selbsttest.answers": KEYS.answers, "selbsttest.history": KEYS.history, "selbsttest.team": KEYS.team }
export const OLD_KEYS = Object.keys(RENAMED)

const parsed = raw => { try { return JSON.parse(raw) } catch { return undefined } }

function merged(key, before, now) {
  const old = parsed(before), fresh = parsed(now)
  if (old === undefined || fresh === undefined) return null  // one side is damaged: keep both
  if (key === KEYS.history) {
    if (!Array.isArray(old) || !Array.isArray(fresh)) return null
    const unique = new Map([...old, ...fresh].map(entry => [`${entry && entry.code}@${entry && entry.date}`, entry]))
    const time = entry => { const value = Date.parse(entry && entry.date); return Number.isNaN(value) ? -Infinity : value }
    return JSON.stringify([...unique.values()].sort((a, b) => time(a) - time(b)))
  }
  if (key === KEYS.team) {
    if (typeof (old && old.text) !== "string" || typeof (fresh && fresh.text) !== "string") return null
    const have = new Set(fresh.text.split(/\r\n|\r|\n/))
    const missing = old.text.split(/\r\n|\r|\n/).filter(line => line && !have.has(line))
    return JSON.stringify({ ...fresh, text: [fresh.text, ...missing].join("\n") })
  }
  // answers: one version on both sides and no answer given differently; otherwise side by side
  if (!old || !fresh || old.version !== fresh.version || typeof old.answers !== "object" || typeof fresh.answers !== "object" ||
      !old.answers || !fresh.answers) return null
  if (Object.entries(old.answers).some(([id, answer]) => id in fresh.answers && fresh.answers[id] !== answer)) return null
  return JSON.stringify({ ...fresh, answers: { ...old.answers, ...fresh.answers } })
}

// Returns the old keys whose data could not be read and has not been reported yet; the page that
// reports one calls reported() for it, so that each is reported once.
export function migrateStorage() {
  const damaged = []
  for (const [old, key] of Object.entries(RENAMED)) {
    const before = storage.get(old)
    if (before === null) continue
    const now = storage.get(key)
    const value = now === null ? before : merged(key, before, now)
    if (value === null) { if (parsed(before) === undefined) damaged.push(old); continue }
    if (storage.set(key, value)) storage.remove(old)
  }
  return { damaged: damaged.filter(key => !alreadyReported().includes(key)) }
}

function alreadyReported() {
  const known = parsed(storage.get(KEYS.reported))
  return Array.isArray(known) ? known : []
}

export function reported(keys) {
  if (keys.length) storage.set(KEYS.reported, JSON.stringify([...new Set([...alreadyReported(), ...keys])]))
}

export function readJSON(key) {
  const raw = storage.get(key)
  if (raw === null) return { value: null }
  try { return { value: JSON.parse(raw) } } catch { return { damaged: true } }
}

// --- small DOM helpers: text only, never markup from data -------------------------------------

// The numbers of a message in the reader's language: 1000000 -> "1.000.000" (de) or "1,000,000" (en).
export const grouped = (words, value) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, words.thousandsSeparator)

// A page's notice: say() replaces what it shows, tell() adds a sentence to it.
export function notice(element) {
  const shown = []
  const update = () => { element.textContent = shown.join(" "); element.hidden = !shown.length }
  return {
    say(message) { shown.length = 0; if (message) shown.push(message); update() },
    tell(message) { if (message && !shown.includes(message)) shown.push(message); update() },
  }
}

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

// Same drawing as the guidance diagram (includes/leistungskurve.html), with the reader's curve.
// phases: [{id, label}]; values: {id: 0..100}; words: the widgets' wording (percent, chartTop).
export function chart(phases, values, title, words, id = "selfcheck-chart-title") {
  const percent = value => words.percent.replace("{value}", value)
  const xs = phases.map((phase, i) => 97 + 106 * i), y = value => 236 - 2 * value
  const root = svg("svg", { viewBox: "0 0 480 300", role: "img", "aria-labelledby": id })
  root.append(svg("title", { id }, title))
  const grid = svg("g", { class: "effort-chart__grid" })
  for (const value of [0, 25, 50, 75, 100]) grid.append(svg("line", { x1: 56, x2: 468, y1: y(value), y2: y(value) }))
  const axis = svg("g", { class: "effort-chart__axis", "text-anchor": "middle" })
  phases.forEach((phase, i) => phase.label.split(" ").reduce((lines, word) => {
    const last = lines.length - 1
    if (last >= 0 && (lines[last] + " " + word).length <= 12) lines[last] += " " + word
    else lines.push(word)
    return lines
  }, []).forEach((line, row) => axis.append(svg("text", { x: xs[i], y: 260 + 18 * row }, line))))
  for (const value of [0, 50, 100])
    axis.append(svg("text", { x: 50, y: y(value) + 5, "text-anchor": "end" }, percent(value)))
  const points = phases.map(({ id }, i) => `${xs[i]},${y(values[id])}`).join(" ")
  const marks = svg("g", { class: "effort-chart__points effort-chart__points--average" })
  const labels = svg("g", { class: "effort-chart__label", "text-anchor": "middle" })
  phases.forEach(({ id }, i) => {
    const value = values[id]
    marks.append(svg("circle", { cx: xs[i], cy: y(value), r: 5 }))
    labels.append(svg("text", { x: xs[i], y: value > 80 ? y(value) + 24 : y(value) - 12 }, percent(value)))
  })
  root.append(grid, axis,
    svg("polyline", { class: "effort-chart__line effort-chart__line--top", points: xs.map(x => `${x},${y(100)}`).join(" ") }),
    svg("polyline", { class: "effort-chart__line effort-chart__line--average", points }),
    marks, labels,
    svg("text", { class: "effort-chart__label effort-chart__label--top", x: 50, y: 24 }, words.chartTop))
  return el("figure", { class: "effort-chart" }, root)
}

// Calls setUp(root, model, modelUrl) once for every page that has `selector`, also after
// Material's instant navigation (document$ fires for each page; data-started keeps it to once).
export function onPage(selector, setUp) {
  const start = () => {
    const root = document.querySelector(selector)
    if (!root || root.dataset.started) return
    root.dataset.started = "true"
    const modelUrl = new URL(root.dataset.model, location.href)
    fetch(modelUrl)
      .then(response => { if (!response.ok) throw new Error(response.statusText); return response.json() })
      .then(model => { const migrated = migrateStorage(); setUp(root, model, modelUrl, migrated) })
      .catch(error => {  // a failed load, or a fault while setting up: say so instead of a dead page
        console.error(error)
        const notice = root.querySelector("[data-selfcheck-notice]")
        notice.textContent = root.dataset.failed
        notice.hidden = false
      })
  }
  start()
  if (window.document$) window.document$.subscribe(start)
}
