package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	stop := onSignal(os.Stderr)
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// onSignal makes Ctrl-C (SIGINT) and SIGTERM stop kosto cleanly: the
// temporary files being written are removed (removeTemps), a line on stderr
// says so, and kosto exits with 128 + the signal's number, as shells do:
// exitInterrupted or exitTerminated. stop ends the handling.
func onSignal(stderr io.Writer) (stop func()) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-signals
		removeTemps()
		code, how := exitTerminated, "terminated (SIGTERM)"
		if s == os.Interrupt {
			code, how = exitInterrupted, "interrupted (Ctrl-C)"
		}
		fmt.Fprintf(stderr, "kosto: %s; no output file was left half-written\n", how)
		os.Exit(code)
	}()
	return func() { signal.Stop(signals) }
}
