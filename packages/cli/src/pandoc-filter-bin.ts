// `factcite-pandoc-filter`: the JSON filter under a name pandoc can run, since
// `pandoc --filter` takes a program without arguments (it passes the format).
process.argv.splice(2, 0, 'pandoc-filter');
await import('./cli.js');
export {};
