//go:build !race

package twiliochattest_test

// raceDetector reports whether the tests run under the race detector, which
// makes code several times slower.
const raceDetector = false
