// What the assessment page and the team page share in the browser: storage that never throws,
// the one migration of stored data, DOM helpers that never insert markup, the effort chart, and
// start-up on every page view (Material's instant navigation included).

const SVG = "http://www.w3.org/2000/svg"

// --- storage that never throws: blocked storage behaves like an empty, forgetful one ----------

export const storage = {
  get(key) { try { return localStorage.getItem(key) } catch { return null } },
  set(key, value) { try { localStorage.setItem(key, value); return true } catch { return false } },
  remove(key) { try { localStorage.removeItem(key) } catch { /* nothing stored */ } },
}

export const KEYS = { answers: "selfcheck.answers", history: "selfcheck.history", team: "selfcheck.team" }

// Keys that earlier versions of the site used. Stored data moves to its new key and is never
// dropped: where both exist, histories are joined and otherwise the newer key wins.
const RENAMED = { "selbsttest.answers": KEYS.answers, "selbsttest.history": KEYS.history, "selbsttest.team": KEYS.team }

export function migrateStorage() {
  for (const [old, key] of Object.entries(RENAMED)) {
    const before = storage.get(old)
    if (before === null) continue
    const now = storage.get(key)
    let value = now ?? before
    if (now !== null && key === KEYS.history) {
      try {
        const joined = [...JSON.parse(before), ...JSON.parse(now)]
        const unique = new Map(joined.map(entry => [`${entry.code}@${entry.date}`, entry]))
        value = JSON.stringify([...unique.values()].sort((a, b) => Date.parse(a.date) - Date.parse(b.date)))
      } catch { continue }  // one side is damaged: leave both for the page to report
    }
    if (storage.set(key, value)) storage.remove(old)
  }
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
      .then(model => { migrateStorage(); setUp(root, model, modelUrl) })
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
