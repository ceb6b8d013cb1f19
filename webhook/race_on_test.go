//go:build race

package webhook

// raceDetector reports whether the tests run under the race detector, under
// which sync.Pool drops what is put back at random.
const raceDetector = true
