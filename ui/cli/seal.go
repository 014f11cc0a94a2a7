package cli

import (
	"encoding/json"

	"gopy/model"
)

// withoutIdentity is a confidential petition's stored JSON with nothing of
// its identity left, not even sealed: the command line never prints one
// (gopy person, for a user with the grant, excepted).
func withoutIdentity(row *model.Row, raw []byte) ([]byte, error) {
	if !row.Confidential {
		return raw, nil
	}
	var p model.Petition
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, err
	}
	p.Name, p.Address, p.IDNumber, p.Phone, p.Sealed = "", "", "", "", nil
	return json.Marshal(&p)
}
