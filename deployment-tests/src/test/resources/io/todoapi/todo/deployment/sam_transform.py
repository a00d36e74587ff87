"""Runs the AWS SAM transform (aws-sam-translator, the library behind the AWS::Serverless transform) on a template.

Reads the template as JSON on stdin (with openapi.yaml already in place of its AWS::Include, as CloudFormation has
it when the SAM transform runs) and writes the transformed CloudFormation template as JSON on stdout. Exit status 2
with the translator's messages on stderr when the template is invalid.
"""
import json
import sys

from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform


class NoManagedPolicies:
    """The template names no managed policy by name, so there is nothing to look up in IAM."""

    def load(self):
        return {}


def main():
    template = json.load(sys.stdin)
    try:
        output = transform(template, {}, NoManagedPolicies())
    except InvalidDocumentException as invalid:
        for cause in invalid.causes:
            print(getattr(cause, "message", str(cause)), file=sys.stderr)
        return 2
    json.dump(output, sys.stdout, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
