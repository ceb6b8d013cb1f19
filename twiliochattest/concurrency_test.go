package twiliochattest_test

import (
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	shared := seedService(t, srv, "shared")
	const workers = 50

	var wg sync.WaitGroup
	errs := make(chan string, workers*8)
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			// Off the test goroutine: report failures instead of FailNow.
			do := func(method, path string, f url.Values, want int) {
				r, err := send(srv, srv.AccountSID(), srv.AuthToken(), method, path, f)
				switch {
				case err != nil:
					errs <- err.Error()
				case r.Status != want:
					errs <- method + " " + path + ": " + strconv.Itoa(r.Status) + ": " + string(r.Body)
				}
			}
			do(http.MethodPost, "/v2/Services", form("FriendlyName", "w"+strconv.Itoa(i)), http.StatusCreated)
			do(http.MethodPost, "/v2/Services/"+shared, form("TypingIndicatorTimeout", strconv.Itoa(i)), http.StatusOK)
			do(http.MethodGet, "/v2/Services?PageSize=7", nil, http.StatusOK)
			do(http.MethodPost, "/v2/Services/"+shared+"/Roles", form("FriendlyName", "r"+strconv.Itoa(i), "Type", "channel", "Permission", "sendMessage"), http.StatusCreated)
			do(http.MethodGet, "/v2/Services/"+shared+"/Roles?PageSize=3", nil, http.StatusOK)
			if i%5 == 0 {
				srv.ResetRequests()
			}
			_ = srv.Requests()
		}(i)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}

	all := call(t, srv, http.MethodGet, "/v2/Services?PageSize=100", nil).JSON(t)
	require.Len(t, all["services"], workers+1)
	roles := call(t, srv, http.MethodGet, "/v2/Services/"+shared+"/Roles?PageSize=100", nil).JSON(t)
	assert.Len(t, roles["roles"], workers+4)
	seen := map[string]bool{}
	for _, s := range sids(all, "services") {
		assert.False(t, seen[s], "duplicate SID %s", s)
		seen[s] = true
	}
}
