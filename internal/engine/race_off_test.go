//go:build !race

package engine

// raceDetector reports whether the tests run under the race detector, which
// changes what is allocated.
const raceDetector = false
