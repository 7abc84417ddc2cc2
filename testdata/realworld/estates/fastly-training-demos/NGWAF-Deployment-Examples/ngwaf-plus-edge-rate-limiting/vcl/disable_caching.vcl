#### https://docs.fastly.com/en/guides/temporarily-disabling-caching
#### Do not use this for production traffic
return(pass);
