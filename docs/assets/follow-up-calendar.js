// The follow-up plan as a calendar file: the rep enters the date of a close (and, if they like, the
// date of delivery or fitting, the tier of includes/priorities.yml and the customer's name) on
// werkzeuge/90-tage.md and downloads an .ics file (RFC 5545) with one all-day event per step of the
// cadence that hooks/cadence.py puts into the page. A step counts from the close, or from delivery
// or installation as the data says; without that date it counts from the close, and the status says
// which steps did. Everything happens here in the browser; the interface texts come from the page's
// data attributes, in its language. Dates are counted as UTC calendar days, so a change to or from
// summer time cannot shift them.

const DOMAIN = "nach-dem-abschluss.invalid"
const YEARS_AROUND = 5  // close dates from five years back to five years ahead: every event stays a valid date

/** Put values into {name} placeholders. A function replacer, so "$&", "$'" or "$1" in a value stay as typed. */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => name in values ? String(values[name]) : whole)
}

/** The years a close may lie in, counted from `today`: {from, to}, both included. */
export function allowedYears(today = new Date()) {
  return { from: today.getUTCFullYear() - YEARS_AROUND, to: today.getUTCFullYear() + YEARS_AROUND }
}

/** "2027-03-26" as a UTC date, or null for anything that is not a real calendar date. */
export function parseDate(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "")
  if (!match) return null
  const [year, month, day] = match.slice(1).map(Number)
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null
}

function addDays(date, days) {
  const next = new Date(date.getTime())
  next.setUTCDate(next.getUTCDate() + days)
  return next
}

const isWeekend = date => date.getUTCDay() === 0 || date.getUTCDay() === 6

/** The day of a step: N working days (Monday to Friday) or N calendar days, a weekend moved to Monday. */
export function dueDate(close, step) {
  if (step.working_days) {
    let date = close
    for (let left = step.working_days; left > 0;) {
      date = addDays(date, 1)
      if (!isWeekend(date)) left -= 1
    }
    return date
  }
  let date = addDays(close, step.calendar_days)
  while (isWeekend(date)) date = addDays(date, 1)
  return date
}

/** Whether a step counts from delivery or installation rather than from the close. */
export const countsFromFitting = step => Boolean(step.from) && step.from !== "close"

/** The day a step falls on: counted from `fitted` (delivery or installation) where the step says so
 *  and that date is known, otherwise from the close. `fromClose` tells that a fitting step fell back. */
export function stepDay(step, close, fitted = null) {
  const fitting = countsFromFitting(step)
  return { day: dueDate(fitting && fitted ? fitted : close, step), fromClose: fitting && !fitted }
}

/** The steps of one tier, in the plan's order: the tier lists step ids per variant (b2b, b2c). */
export function tierSteps(steps, tier, variant) {
  const chosen = new Set(tier.steps[variant])
  return steps.filter(step => chosen.has(step.id))
}

const isoDay = date => date.toISOString().slice(0, 10)
const icsDay = date => isoDay(date).replaceAll("-", "")
const icsStamp = now => now.toISOString().replace(/\.\d+/, "").replace(/[-:]/g, "")

/** TEXT value escaping (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text) {
  return text.replace(/[\\;,]/g, sign => "\\" + sign).replace(/\r\n|\r|\n/g, "\\n")
}

/** Content lines of at most 75 octets; a continuation starts with one space (RFC 5545, 3.1). */
export function fold(line) {
  const encoder = new TextEncoder()
  const parts = []
  let current = ""
  let octets = 0
  for (const character of line) {
    const size = encoder.encode(character).length
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current)
      current = ""
      octets = 0
    }
    current += character
    octets += size
  }
  parts.push(current)
  return parts.join("\r\n ")
}

function randomToken() {
  const bytes = crypto.getRandomValues(new Uint8Array(12))  // works on plain http too, unlike randomUUID
  return [...bytes].map(byte => byte.toString(16).padStart(2, "0")).join("")
}

/** The whole calendar file for one close (and, if known, the day of delivery or fitting). */
export function calendar({ steps, close, fitted = null, customer, texts, language, now = new Date() }) {
  const token = randomToken()
  const stamp = icsStamp(now)
  const shown = date => date.toLocaleDateString(language, { timeZone: "UTC" })
  const closed = fill(texts.closed, { date: shown(close) })
  const dates = fitted && texts.fittedOn ? [closed, fill(texts.fittedOn, { date: shown(fitted) })] : [closed]
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:-//Nach dem Abschluss//Follow-up plan//${language.toUpperCase()}`,
    "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
  steps.forEach((step, index) => {
    const { day } = stepDay(step, close, fitted)
    const summary = customer ? fill(texts.named, { title: step.title, name: customer }) : step.title
    const description = [...dates, "", ...step.agenda.map(point => "– " + point)].join("\n")
    lines.push("BEGIN:VEVENT", `UID:${token}-${index + 1}-${step.id}@${DOMAIN}`, `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDay(day)}`, `DTEND;VALUE=DATE:${icsDay(addDays(day, 1))}`,
      `SUMMARY:${escapeText(summary)}`, `DESCRIPTION:${escapeText(description)}`, "TRANSP:TRANSPARENT", "END:VEVENT")
  })
  lines.push("END:VCALENDAR")
  return lines.map(fold).join("\r\n") + "\r\n"
}

function download(text, fileName) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }))
  const link = document.createElement("a")
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60000)  // the browser has taken the file by then
}

/** Why a form's dates cannot make a plan, as the key of its message, or "" when they can. */
export function dateProblem(close, fitted, fittedTyped, years) {
  const outside = date => date.getUTCFullYear() < years.from || date.getUTCFullYear() > years.to
  if (!close) return "close"
  if (outside(close)) return "closeRange"
  if (fittedTyped && !fitted) return "fitted"
  if (fitted && outside(fitted)) return "fittedRange"
  if (fitted && fitted < close) return "fittedBefore"
  return ""
}

function setUp(form) {
  const years = allowedYears()
  const dateField = form.elements.close, fittedField = form.elements.fitted
  for (const field of [dateField, fittedField].filter(Boolean)) {
    field.min = `${years.from}-01-01`  // the date picker offers only the allowed years
    field.max = `${years.to}-12-31`
  }
  const data = JSON.parse(form.querySelector("[data-cadence-data]").dataset.cadenceData)
  const tierData = form.querySelector("[data-cadence-tiers]")
  const tiers = tierData ? JSON.parse(tierData.dataset.cadenceTiers) : []
  const status = form.querySelector("[data-cadence-status]")
  form.addEventListener("submit", event => {
    event.preventDefault()
    const years = allowedYears()
    const close = parseDate(dateField.value)
    // A date field holds "" both when empty and when half typed; badInput tells the two apart.
    const fittedTyped = Boolean(fittedField && (fittedField.value || fittedField.validity.badInput))
    const fitted = fittedField ? parseDate(fittedField.value) : null
    const problem = dateProblem(close, fitted, fittedTyped, years)
    const wrong = problem.startsWith("close") ? dateField : problem ? fittedField : null
    for (const field of [dateField, fittedField].filter(Boolean)) {
      if (field === wrong) field.setAttribute("aria-invalid", "true")
      else field.removeAttribute("aria-invalid")
    }
    if (problem) {
      const range = fill(form.dataset.errorRange || "{from}–{to}", years)
      status.textContent = { close: form.dataset.errorDate, closeRange: range, fitted: form.dataset.errorFitted,
        fittedRange: range, fittedBefore: form.dataset.errorFitted }[problem]
      wrong.focus()
      return
    }
    const variant = form.elements.variant.value
    const tier = tiers.find(each => each.id === (form.elements.tier && form.elements.tier.value))
    const steps = tier ? tierSteps(data[variant], tier, variant) : data[variant]
    // The name is plain text: control characters out, never interpreted as markup.
    const customer = form.elements.customer.value.replace(/[\u0000-\u001f\u007f]/g, " ").trim()
    const fileName = `${form.dataset.fileName}-${isoDay(close)}.ics`
    const texts = { closed: form.dataset.closed, named: form.dataset.named, fittedOn: form.dataset.fittedOn }
    download(calendar({ steps, close, fitted, customer, texts, language: document.documentElement.lang || "de" }), fileName)
    const fellBack = steps.filter(step => stepDay(step, close, fitted).fromClose).map(step => fill(form.dataset.stepQuoted || "{title}", { title: step.title }))
    const done = fill(form.dataset.done, { file: fileName, count: steps.length })
    status.textContent = fellBack.length ? `${done} ${fill(form.dataset.fromClose, { steps: fellBack.join(", ") })}` : done
  })
  form.dataset.ready = ""
}

function setUpAll() {
  for (const form of document.querySelectorAll("form[data-cadence-plan]:not([data-ready])")) setUp(form)
}

// In a page only: Node imports this module for its tests (tests/js/calendar.test.mjs).
if (typeof document !== "undefined") {
  if (window.document$) window.document$.subscribe(setUpAll)
  else setUpAll()
}
