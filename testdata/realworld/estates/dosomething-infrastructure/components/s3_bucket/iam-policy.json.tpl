{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "VisualEditor0",
            "Effect": "Allow",
            "Action": [
                "s3:*"
            ],
            "Resource": [
                "${bucket_arn}/*",
                "${bucket_arn}"
            ]
        }
    ]
}
