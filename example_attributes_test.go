package twiliochat_test

import (
	"fmt"

	"github.com/e3f0929f/twiliochat"
)

// Decode reads a resource's attributes into a struct of your own.
func ExampleAttributes_Decode() {
	attrs := twiliochat.Attributes(`{"tier": "gold", "seats": 12}`) // as in Channel.Attributes
	var v struct {
		Tier  string `json:"tier"`
		Seats int    `json:"seats"`
	}
	if err := attrs.Decode(&v); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v.Tier, v.Seats)

	fmt.Println(twiliochat.Attributes(`{"tier":`).Decode(&v))
	// Output:
	// gold 12
	// twiliochat: decode Attributes: not valid JSON
}
