package twiliochat

import "context"

// CreateServiceParams holds the form keys of a Create Service request.
type CreateServiceParams struct {
	// FriendlyName is a descriptive name for the new Service. It is
	// required and must not be empty.
	FriendlyName *string `url:"FriendlyName"`
}

// validate checks that p is set and has a FriendlyName.
func (p *CreateServiceParams) validate() error {
	if p == nil {
		return checkFriendlyName(nil)
	}
	return checkFriendlyName(p.FriendlyName)
}

// checkFriendlyName requires the FriendlyName of a Create request to be set
// and not empty.
func checkFriendlyName(name *string) error {
	switch {
	case name == nil:
		return invalid("FriendlyName", "is required")
	case *name == "":
		return invalid("FriendlyName", "is empty")
	}
	return nil
}

// Create creates a Service named params.FriendlyName and returns it as
// Twilio stored it. A nil params or a nil or empty FriendlyName returns a
// *ValidationError before any request is sent; a non-2xx answer returns an
// *APIError. Configure the new Service with Update.
func (s *ServicesService) Create(ctx context.Context, params *CreateServiceParams) (*Service, error) {
	return postForm[Service](ctx, s.client, servicesPath, params.validate(), params)
}
