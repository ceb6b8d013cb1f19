package twiliochat

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roleList is a fakeList of total Roles of testServiceSID.
func roleList(total int) *fakeList {
	return &fakeList{total: total, path: rolesPathOf, key: "roles", prefix: "RL"}
}

// roleSIDsN returns the SIDs of the Roles from to to (excluded) of a
// roleList.
func roleSIDsN(from, to int) []string { return itemSIDs("RL", from, to) }

func TestRolesListPageWire(t *testing.T) {
	t.Parallel()
	const pageURL = "https://chat.twilio.com/v2/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Roles?PageSize=50&Page=0"
	meta := PageMeta{FirstPageURL: pageURL, URL: pageURL, PageSize: 50, Key: "roles"}
	tests := []struct {
		name      string
		file      string
		params    *ListRolesParams
		wantQuery string
		wantPage  *RolePage
	}{
		{name: "nil params", file: "roles_page_full.json", wantQuery: "", wantPage: &RolePage{Items: []Role{specRole()}, Meta: meta}},
		{name: "page size", file: "roles_page_full.json", params: &ListRolesParams{PageSize: Ptr(20)}, wantQuery: "PageSize=20",
			wantPage: &RolePage{Items: []Role{specRole()}, Meta: meta}},
		{name: "limit picks the page size", file: "roles_page_full.json", params: &ListRolesParams{Limit: 4}, wantQuery: "PageSize=4",
			wantPage: &RolePage{Items: []Role{specRole()}, Meta: meta}},
		{name: "empty page", file: "roles_page_empty.json", params: &ListRolesParams{PageSize: Ptr(100)}, wantQuery: "PageSize=100",
			wantPage: &RolePage{Items: []Role{}, Meta: meta}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			roles, rec := newTestRoles(t, serveFile(t, http.StatusOK, "testdata/"+tt.file))

			page, err := roles.ListPage(context.Background(), testServiceSID, tt.params)
			require.NoError(t, err)

			assert.Equal(t, []string{tt.wantQuery}, listQueries(t, rec, rolesPathOf))
			assert.Equal(t, tt.wantPage, page)
		})
	}
}

func TestRolesNextPage(t *testing.T) {
	t.Parallel()
	roles, rec := newTestRoles(t, roleList(5).ServeHTTP)
	ctx := context.Background()

	var sids []string
	var pages []int
	page, err := roles.ListPage(ctx, testServiceSID, &ListRolesParams{PageSize: Ptr(2)})
	for page != nil {
		require.NoError(t, err)
		for _, role := range page.Items {
			sids = append(sids, role.SID)
		}
		pages = append(pages, page.Meta.Page)
		assert.Equal(t, "roles", page.Meta.Key)
		page, err = roles.NextPage(ctx, page)
	}
	require.NoError(t, err)

	assert.Equal(t, roleSIDsN(0, 5), sids)
	assert.Equal(t, []int{0, 1, 2}, pages)
	assert.Equal(t, []string{"PageSize=2", "Page=1&PageSize=2&PageToken=PT1", "Page=2&PageSize=2&PageToken=PT2"}, listQueries(t, rec, rolesPathOf))

	next, err := roles.NextPage(ctx, nil)
	assert.Nil(t, next)
	assert.NoError(t, err)
	next, err = roles.NextPage(ctx, &RolePage{Meta: PageMeta{URL: "/x", NextPageURL: "/x"}})
	assert.Nil(t, next)
	assert.ErrorIs(t, err, ErrPageLoop)
	next, err = roles.NextPage(ctx, &RolePage{Meta: PageMeta{NextPageURL: "https://evil.example" + rolesPathOf}})
	assert.Nil(t, next)
	assert.ErrorIs(t, err, ErrUntrustedURL)
	assert.Len(t, rec.requests(), 3, "NextPage sent a request it should have refused")
}

// TestRolesListIterator checks that Roles.List keeps the iterator rules of
// every list: lazy, Limit and break without extra requests, cancellable,
// same host only, loops and failed pages end it with one last error.
func TestRolesListIterator(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		list     *fakeList
		params   *ListRolesParams
		cancelAt int // cancel the context after this many Roles; -1 never
		breakAt  int // break after this many Roles; 0 never
		wantSIDs []string
		wantErr  error // nil: no error; otherwise what errors.Is must match
		// wantStatus, when set, is the Status of the *APIError that ends it.
		wantStatus int
		wantReqs   []string
	}{
		{name: "three pages", list: roleList(7), params: &ListRolesParams{PageSize: Ptr(3)}, cancelAt: -1,
			wantSIDs: roleSIDsN(0, 7), wantReqs: []string{"PageSize=3", "Page=1&PageSize=3&PageToken=PT1", "Page=2&PageSize=3&PageToken=PT2"}},
		{name: "nil params", list: roleList(4), cancelAt: -1, wantSIDs: roleSIDsN(0, 4), wantReqs: []string{""}},
		{name: "limit inside the second page", list: roleList(7), params: &ListRolesParams{PageSize: Ptr(3), Limit: 4}, cancelAt: -1,
			wantSIDs: roleSIDsN(0, 4), wantReqs: []string{"PageSize=3", "Page=1&PageSize=3&PageToken=PT1"}},
		{name: "limit sets the page size", list: roleList(7), params: &ListRolesParams{Limit: 2}, cancelAt: -1,
			wantSIDs: roleSIDsN(0, 2), wantReqs: []string{"PageSize=2"}},
		{name: "break at the end of a page", list: roleList(7), params: &ListRolesParams{PageSize: Ptr(3)}, cancelAt: -1, breakAt: 3,
			wantSIDs: roleSIDsN(0, 3), wantReqs: []string{"PageSize=3"}},
		{name: "canceled before ranging", list: roleList(7), params: &ListRolesParams{PageSize: Ptr(3)}, cancelAt: 0,
			wantErr: context.Canceled},
		{name: "canceled between pages", list: roleList(7), params: &ListRolesParams{PageSize: Ptr(3)}, cancelAt: 3,
			wantSIDs: roleSIDsN(0, 3), wantErr: context.Canceled, wantReqs: []string{"PageSize=3"}},
		{name: "next page on another host", params: &ListRolesParams{PageSize: Ptr(2)}, cancelAt: -1,
			list: &fakeList{total: 5, path: rolesPathOf, key: "roles", prefix: "RL",
				next: func(func(int) string, int) any { return "https://evil.example" + rolesPathOf + "?Page=1" }},
			wantSIDs: roleSIDsN(0, 2), wantErr: ErrUntrustedURL, wantReqs: []string{"PageSize=2"}},
		{name: "next page is this page", params: &ListRolesParams{PageSize: Ptr(2)}, cancelAt: -1,
			list: &fakeList{total: 5, path: rolesPathOf, key: "roles", prefix: "RL",
				next: func(pageURL func(int) string, page int) any { return pageURL(page) }},
			wantSIDs: roleSIDsN(0, 2), wantErr: ErrPageLoop, wantReqs: []string{"PageSize=2"}},
		{name: "second page fails", params: &ListRolesParams{PageSize: Ptr(2)}, cancelAt: -1,
			list: &fakeList{total: 5, path: rolesPathOf, key: "roles", prefix: "RL",
				pageHandler: map[int]http.HandlerFunc{1: respondJSON(http.StatusBadRequest, `{"code": 20001, "message": "bad page"}`)}},
			wantSIDs: roleSIDsN(0, 2), wantStatus: http.StatusBadRequest, wantReqs: []string{"PageSize=2", "Page=1&PageSize=2&PageToken=PT1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			roles, rec := newTestRoles(t, tt.list.ServeHTTP)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancelAt == 0 {
				cancel()
			}
			var before ListRolesParams
			if tt.params != nil {
				before = *tt.params
			}

			seq := roles.List(ctx, testServiceSID, tt.params)
			assert.Empty(t, rec.requests(), "List sent a request before the iteration")
			var sids []string
			var errs []error
			for role, err := range seq {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				require.Empty(t, errs, "a Role came after an error")
				sids = append(sids, role.SID)
				if len(sids) == tt.cancelAt {
					cancel()
				}
				if len(sids) == tt.breakAt {
					break
				}
			}

			assert.Equal(t, tt.wantSIDs, sids)
			switch {
			case tt.wantErr != nil:
				require.Len(t, errs, 1)
				assert.ErrorIs(t, errs[0], tt.wantErr)
			case tt.wantStatus != 0:
				require.Len(t, errs, 1)
				var apiErr *APIError
				require.ErrorAs(t, errs[0], &apiErr)
				assert.Equal(t, tt.wantStatus, apiErr.Status)
			default:
				assert.Empty(t, errs)
			}
			assert.Equal(t, tt.wantReqs, listQueries(t, rec, rolesPathOf))
			if tt.params != nil {
				assert.Equal(t, before, *tt.params, "List changed its params")
			}
		})
	}
}

func TestRolesListValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		serviceSID string
		params     *ListRolesParams
		wantFields []string
	}{
		{name: "page size 0", serviceSID: testServiceSID, params: &ListRolesParams{PageSize: Ptr(0)}, wantFields: []string{"PageSize"}},
		{name: "page size 101", serviceSID: testServiceSID, params: &ListRolesParams{PageSize: Ptr(101)}, wantFields: []string{"PageSize"}},
		{name: "negative limit", serviceSID: testServiceSID, params: &ListRolesParams{Limit: -1}, wantFields: []string{"Limit"}},
		{name: "bad service SID", serviceSID: "IS", params: nil, wantFields: []string{"ServiceSid"}},
		{name: "everything", serviceSID: "", params: &ListRolesParams{PageSize: Ptr(-3), Limit: -5}, wantFields: []string{"ServiceSid", "PageSize", "Limit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			roles, rec := newTestRoles(t, roleList(3).ServeHTTP)

			page, err := roles.ListPage(context.Background(), tt.serviceSID, tt.params)
			assert.Nil(t, page)
			assert.Equal(t, tt.wantFields, validationFields(err))

			got := rangeAll(roles.List(context.Background(), tt.serviceSID, tt.params), nil)
			assert.Empty(t, got.items)
			require.Len(t, got.errs, 1)
			assert.Equal(t, tt.wantFields, validationFields(got.errs[0]))
			assert.Empty(t, rec.requests())
		})
	}
}
