// Package chooser is the key chooser of the inspector: a list of the directories and key
// files of a folder, a field to type a path or paste key material (PEM, JWK, JWKS) or an
// HMAC secret straight in, and the keys already used in this run.
//
// Keys are read off the UI thread by a command whose result carries a load id, so the
// result of a load that was overtaken by another is dropped. A key set that holds keys is
// announced with KeyChosenMsg; the root verifies the token with it and gives the report
// back with SetResult, so the chooser shows what the key means for this token.
//
// The list binds no bare letters: typing anywhere goes to the field, so a path can be typed
// without first moving the focus.
package chooser
