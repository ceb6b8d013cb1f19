package benchmarks

// Wire parity of package conversations with twilio-go's ConversationsV1,
// as TestParity for Chat (parity_test.go says what is compared): every case
// of parity_conv_cases_test.go sends the same logical parameters through
// both to a recording server answering with the spec's example.

import (
	"context"
	"regexp"
	"sync"
	"testing"

	"github.com/e3f0929f/twiliochat/conversations"
	"github.com/e3f0929f/twiliochat/internal/convspec"
	convv1 "github.com/twilio/twilio-go/rest/conversations/v1"
)

// convCase is one Conversations call made through both clients.
type convCase struct {
	name string
	// op is the spec's operationId.
	op      string
	ours    func(ctx context.Context, c *conversations.Client) (any, error)
	theirs  func(c *convv1.ApiService) (any, error)
	differs *difference
}

// names returns the case's operationId and name.
func (cc convCase) names() (op, name string) { return cc.op, cc.name }

// readConvFacts reads the Conversations v1 spec the root module keeps.
var readConvFacts = sync.OnceValues(func() (*specFacts, error) {
	return readFacts(convspec.Operations, "twilio_conversations_v1.json")
})

// TestConversationsParity sends every Conversations case through both
// clients and compares, then checks from the spec that every one of the
// 103 operations has a case and that its cases sent every key it takes.
func TestConversationsParity(t *testing.T) {
	t.Parallel()
	testParity(t, mustFacts(t, readConvFacts), convspec.Operations, convCases(), convCase.names, runConvCase)
}

// runConvCase makes the case's call through both clients to a recording
// server answering answer, and compares.
func runConvCase(t *testing.T, cc convCase, answer specAnswer, sent *sentKeys) {
	runWireCase(t, convspec.Lookup(cc.op), cc.differs, answer, sent,
		func(baseURL string) (any, error) {
			return cc.ours(context.Background(), conversations.New(newParityTwilioChat(t, baseURL)))
		},
		func(baseURL string) (any, error) { return cc.theirs(newTwilioGoRest(t, baseURL).ConversationsV1) })
}

// convScope holds the resources a Client (the default Service) and a
// ServiceClient (a named Service) both have, of the same types.
type convScope struct {
	Conversations            *conversations.ConversationsResource
	Messages                 *conversations.MessagesResource
	Receipts                 *conversations.ReceiptsResource
	Participants             *conversations.ParticipantsResource
	ConversationWebhooks     *conversations.ConversationWebhooksResource
	Users                    *conversations.UsersResource
	UserConversations        *conversations.UserConversationsResource
	ParticipantConversations *conversations.ParticipantConversationsResource
	Roles                    *conversations.RolesResource
}

// defaultScope returns c's resources on the default Service.
func defaultScope(c *conversations.Client) convScope {
	return convScope{c.Conversations, c.Messages, c.Receipts, c.Participants, c.ConversationWebhooks,
		c.Users, c.UserConversations, c.ParticipantConversations, c.Roles}
}

// namedScope returns c's resources on the named Service exService.
func namedScope(c *conversations.Client) convScope {
	s := c.Service(exService)
	return convScope{s.Conversations, s.Messages, s.Receipts, s.Participants, s.ConversationWebhooks,
		s.Users, s.UserConversations, s.ParticipantConversations, s.Roles}
}

// verb is the verb an operationId starts with, after which its named
// Service twin has "Service".
var verb = regexp.MustCompile(`^(Create|Fetch|Update|Delete|List)`)

// twin returns the cases of one call, ours, on the default Service (the
// operation op, through twilio-go's theirs) and on the named Service
// exService (op's twin, through twilio-go's theirsSvc): both send the same
// params, to each form's path. twilio-go's params type of a twin has the
// same fields as the default's, so where there are many keys a case builds
// them once (their…) and converts them for theirsSvc, which the compiler
// checks.
func twin(name, op string, ours func(context.Context, convScope) (any, error),
	theirs, theirsSvc func(*convv1.ApiService) (any, error)) []convCase {
	return []convCase{
		{name: name, op: op, theirs: theirs,
			ours: func(ctx context.Context, c *conversations.Client) (any, error) { return ours(ctx, defaultScope(c)) }},
		{name: name, op: verb.ReplaceAllString(op, "${1}Service"), theirs: theirsSvc,
			ours: func(ctx context.Context, c *conversations.Client) (any, error) { return ours(ctx, namedScope(c)) }},
	}
}
