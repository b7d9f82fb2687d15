package scenarios

import (
	"fmt"
	"os"
	"testing"
	"testing/fstest"
)

func TestScratch(t *testing.T) {
	src, _ := os.ReadFile(os.Getenv("F"))
	fsys := fstest.MapFS{"s.toml": {Data: src}}
	if b := os.Getenv("B"); b != "" {
		bs, _ := os.ReadFile(b)
		fsys["base.toml"] = &fstest.MapFile{Data: bs}
	}
	sc, err := Load(fsys, "s.toml")
	fmt.Printf("---\n%v\n", err)
	if sc != nil {
		fmt.Println("warnings:", sc.Warnings())
	}
}
