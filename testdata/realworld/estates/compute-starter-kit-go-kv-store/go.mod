module compute-starter-kit-go

go 1.17

require github.com/fastly/compute-sdk-go v0.1.2-0.20230120205833-03174b637a48
