// Copy buttons for the templates on werkzeuge/vorlagen.md. The Clipboard API exists only on secure
// pages (https, localhost); elsewhere the text is copied through a selection and execCommand, and
// when that fails too, the template stays selected and a status message says how to copy it by
// hand. The messages come from the page ([data-copy-messages]), in its language.

async function writeWithClipboardApi(text) {
  if (!navigator.clipboard || typeof navigator.clipboard.writeText !== "function") return false
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false  // no permission, or the document lost focus
  }
}

function writeWithSelection(text, button) {
  const field = document.createElement("textarea")
  field.value = text
  field.setAttribute("readonly", "")
  field.setAttribute("aria-hidden", "true")
  field.className = "copy-template__buffer"
  document.body.append(field)
  field.select()
  let copied = false
  try {
    copied = document.execCommand("copy")
  } catch {
    copied = false
  }
  field.remove()
  button.focus()
  return copied
}

function selectForManualCopy(element) {
  const range = document.createRange()
  range.selectNodeContents(element)
  const selection = window.getSelection()
  selection.removeAllRanges()
  selection.addRange(range)
}

async function copy(button) {
  const template = button.closest(".copy-template")
  const source = template.querySelector("[data-copy-text]")
  const status = template.querySelector("[data-copy-status]")
  const messages = document.querySelector("[data-copy-messages]")?.dataset || {}
  const text = source.innerText.trim()
  status.textContent = ""
  const copied = (await writeWithClipboardApi(text)) || writeWithSelection(text, button)
  if (!copied) selectForManualCopy(source)
  status.textContent = copied ? messages.done : messages.failed
  status.dataset.result = copied ? "copied" : "failed"
}

function setUp() {
  for (const button of document.querySelectorAll("button[data-copy]:not([data-ready])")) {
    button.addEventListener("click", () => copy(button).catch(() => {
      const status = button.closest(".copy-template").querySelector("[data-copy-status]")
      status.textContent = document.querySelector("[data-copy-messages]")?.dataset.failed || ""
    }))
    button.dataset.ready = ""
  }
}

if (window.document$) window.document$.subscribe(setUp)
else setUp()
