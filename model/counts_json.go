package model

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// UnmarshalJSON reads what MarshalJSON wrote, keeping the object's order,
// so a sent report's figures read back give the same tables.
func (c *Counts) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if t == nil {
		*c = nil
		return nil
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("counts: want an object")
	}
	out := Counts{}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return err
		}
		key, ok := kt.(string)
		if !ok {
			return fmt.Errorf("counts: bad key")
		}
		var n int
		if err := dec.Decode(&n); err != nil {
			return fmt.Errorf("counts %s: %w", key, err)
		}
		out = append(out, Count{Key: key, N: n})
	}
	if _, err := dec.Token(); err != nil {
		return err
	}
	*c = out
	return nil
}
