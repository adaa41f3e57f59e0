//go:build !unix

package resident

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"time"
)

// Off Unix there is no resident server: every command answers in-process.

const (
	EnvSwitch   = "PARTYNEWS_SERVER"
	SharedName  = "search.sock"
	DefaultIdle = 10 * time.Minute
)

var (
	EnvKeys     = []string{"NO_COLOR", "TERM"}
	ErrNoServer = errors.New("no resident server")
	ErrDeclined = errors.New("declined by the resident server")
	ErrLost     = errors.New("the resident server stopped while answering")
	ErrRunning  = errors.New("a resident server is already running for this socket")
	errUnix     = errors.New("the resident server needs Unix sockets")
)

type Request struct {
	Op   string            `json:"op"`
	Dir  string            `json:"dir"`
	Args []string          `json:"args"`
	Env  map[string]string `json:"env"`
	Exe  string            `json:"exe"`
}

type Handler func(req Request) (run func(stdout, stderr *os.File) int, err error)

type Server struct {
	Socket  string
	Dir     string
	Idle    time.Duration
	Handler Handler
	Log     *slog.Logger
}

func Disabled() bool                                        { return true }
func Env() map[string]string                                { return nil }
func SharedSocket(dir string) string                        { return dir + "/" + SharedName }
func PrivateSocket(string) (string, error)                  { return "", errUnix }
func Call(string, Request, *os.File, *os.File) (int, error) { return 0, ErrNoServer }
func Spawn(string, string, time.Duration) error             { return errUnix }
func Listen(string, int) (*Server, error)                   { return nil, errUnix }
func StopServer(string) (bool, error)                       { return false, errUnix }
func (s *Server) Serve(context.Context) error               { return errUnix }
func (s *Server) Stop()                                     {}
func (s *Server) Close() error                              { return nil }

const CodeBrokenPipe = -13

func Broken(*os.File) bool   { return false }
func DieOfPipe(*os.File) int { return 141 }
