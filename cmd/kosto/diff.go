package main

import "github.com/spf13/cobra"

func newDiffCmd() *cobra.Command { return &cobra.Command{Use: "diff", Hidden: true} }
