package inspect

import "errors"

// ParseClaimsSpec reads Kamailio-style expected claims, e.g. "sub='alice';iss='x';n=5".
// STUB: owned by the verification work.
func ParseClaimsSpec(spec string) ([]Expectation, error) {
	return nil, errors.New("not implemented")
}

// ParseExpect reads one NAME=VALUE expectation. STUB: owned by the verification work.
func ParseExpect(s string) (Expectation, error) {
	return Expectation{}, errors.New("not implemented")
}

// checkExpectations reports claims.expect-failed for every expectation the payload does not
// meet. STUB: owned by the verification work.
func checkExpectations(payload *Value, exps []Expectation, payloadAt spanMapper) []Finding {
	return nil
}
