const path = require('path');
const { task, src, dest } = require('gulp');

// tsc compiles the code; this copies what it does not: icons and the nodes' codex files.
task('build:assets', () =>
	src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest(path.resolve('dist')),
	),
);
