//go:build unix && !linux

package resident

import "errors"

// peerUIDOf is unknown off Linux: only the socket's file mode guards it.
func peerUIDOf(int) (int, error) { return -1, errors.New("peer credentials: not supported") }
