// Package common holds the small helpers every part of the jwtlens screen shares: the
// paint brushes that colour text cheaply, and the guard that makes any token-derived string
// safe to draw.
package common
