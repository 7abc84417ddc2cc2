# https://docs.fastly.com/en/guides/temporarily-disabling-caching
return(pass);
