package inspect

// ValueType is the JSON type of a Value.
type ValueType int

// The JSON types.
const (
	TypeNull ValueType = iota
	TypeBool
	TypeNumber
	TypeString
	TypeArray
	TypeObject
)

// Value is one JSON value as it was written: its exact source text and where it sits in the
// decoded segment, plus the decoded content. Nothing is ever re-serialised from a Value.
type Value struct {
	Type  ValueType
	Raw   string // the exact source text of the value (for an object, from '{' to '}')
	Start int    // offset of Raw in the decoded segment bytes
	End   int    // offset just past Raw
	Str   string // the decoded string, for TypeString
	Bool  bool   // for TypeBool
	// Members holds an object's members in their original order, duplicates included.
	Members []Member
	// Elems holds an array's elements in order.
	Elems []Value
}

// Member is one name/value pair of a JSON object.
type Member struct {
	Name      string // the decoded member name
	NameRaw   string // the name as written, quotes included
	NameStart int    // offset of NameRaw in the decoded segment bytes
	Value     Value
}

// Get returns the value of the last member called name (the one most parsers keep when a
// name is duplicated), or nil when v is not an object or has no such member.
func (v *Value) Get(name string) *Value {
	if v == nil || v.Type != TypeObject {
		return nil
	}
	for i := len(v.Members) - 1; i >= 0; i-- {
		if v.Members[i].Name == name {
			return &v.Members[i].Value
		}
	}
	return nil
}

// String returns the decoded string of a string value, and false for any other type.
func (v *Value) String() (string, bool) {
	if v == nil || v.Type != TypeString {
		return "", false
	}
	return v.Str, true
}
