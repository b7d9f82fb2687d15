module github.com/kosto-project/kosto

go 1.26.8

require github.com/shopspring/decimal v1.6.0

require github.com/BurntSushi/toml v1.6.0 // indirect
