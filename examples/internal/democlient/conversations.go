package democlient

import (
	"io"

	"github.com/e3f0929f/twiliochat/conversations"
	"github.com/e3f0929f/twiliochat/twiliochattest"
)

// NewConversations is New for the Conversations examples: it returns the
// Conversations v1 client of New's client (conversations.New), for the
// account in the environment or for the fake, which serves both APIs at one
// URL. seed, the returned func and the errors are New's.
func NewConversations(w io.Writer, seed func(srv *twiliochattest.Server) error) (*conversations.Client, func(), error) {
	client, closeFake, err := New(w, seed)
	if err != nil {
		return nil, closeFake, err
	}
	return conversations.New(client), closeFake, nil
}
