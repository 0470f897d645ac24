// The follow-up plan as a calendar file: the rep enters the date of a close (and, if they like, the
// customer's name) on werkzeuge/90-tage.md and downloads an .ics file (RFC 5545) with one all-day
// event per step of the cadence that hooks/cadence.py puts into the page. Everything happens here
// in the browser; the interface texts come from the page's data attributes, in its language.
// Dates are counted as UTC calendar days, so a change to or from summer time cannot shift them.

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

/** The whole calendar file for one close. */
export function calendar({ steps, close, customer, texts, language, now = new Date() }) {
  const token = randomToken()
  const stamp = icsStamp(now)
  const closed = fill(texts.closed, { date: close.toLocaleDateString(language, { timeZone: "UTC" }) })
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:-//Nach dem Abschluss//Follow-up plan//${language.toUpperCase()}`,
    "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
  steps.forEach((step, index) => {
    const day = dueDate(close, step)
    const summary = customer ? fill(texts.named, { title: step.title, name: customer }) : step.title
    const description = [closed, "", ...step.agenda.map(point => "– " + point)].join("\n")
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

function setUp(form) {
  const years = allowedYears()
  form.elements.close.min = `${years.from}-01-01`  // the date picker offers only the allowed years
  form.elements.close.max = `${years.to}-12-31`
  const data = JSON.parse(form.querySelector("[data-cadence-data]").dataset.cadenceData)
  const status = form.querySelector("[data-cadence-status]")
  const dateField = form.elements.close
  form.addEventListener("submit", event => {
    event.preventDefault()
    const close = parseDate(dateField.value), years = allowedYears()
    const outside = close && (close.getUTCFullYear() < years.from || close.getUTCFullYear() > years.to)
    if (!close || outside) {
      dateField.setAttribute("aria-invalid", "true")
      status.textContent = outside ? fill(form.dataset.errorRange || "{from}–{to}", years) : form.dataset.errorDate
      dateField.focus()
      return
    }
    dateField.removeAttribute("aria-invalid")
    const steps = data[form.elements.variant.value]
    // The name is plain text: control characters out, never interpreted as markup.
    const customer = form.elements.customer.value.replace(/[\u0000-\u001f\u007f]/g, " ").trim()
    const fileName = `${form.dataset.fileName}-${isoDay(close)}.ics`
    const texts = { closed: form.dataset.closed, named: form.dataset.named }
    download(calendar({ steps, close, customer, texts, language: document.documentElement.lang || "de" }), fileName)
    status.textContent = fill(form.dataset.done, { file: fileName, count: steps.length })
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
