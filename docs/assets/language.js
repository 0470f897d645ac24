// The language selector links to the same page in the other edition: both editions share their
// paths. (Material's own helper cannot do this here, as the German root also holds /en/.)
const roots = new Map()

function linkSamePage() {
  const links = [...document.querySelectorAll("a.md-select__link[hreflang]")]
  for (const link of links) if (!roots.has(link.hreflang)) roots.set(link.hreflang, link.href)
  const current = roots.get(document.documentElement.lang)
  if (!current || !location.href.startsWith(current)) return
  const path = location.href.slice(current.length).split("#")[0]
  for (const link of links) link.href = roots.get(link.hreflang) + path
}

if (window.document$) window.document$.subscribe(linkSamePage)
else linkSamePage()
