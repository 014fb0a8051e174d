"""CloudTrail through boto3 and the AWS CLI, against a real server: the default trail, LookupEvents."""
import json
import uuid

import pytest
from botocore.exceptions import ClientError

from conftest import aws_cli_path

DEFAULT_TRAIL = "strongroom-default"


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def error_code(excinfo):
    return excinfo.value.response["Error"]["Code"]


@pytest.fixture(scope="module")
def cloudtrail(server):
    return server.client("cloudtrail")


def test_describe_trails_shows_the_logging_default_trail(server, cloudtrail):
    account = server.client("sts").get_caller_identity()["Account"]
    trails = {t["Name"]: t for t in cloudtrail.describe_trails()["trailList"]}
    trail = trails[DEFAULT_TRAIL]
    assert trail["TrailARN"] == f"arn:aws:cloudtrail:us-east-1:{account}:trail/{DEFAULT_TRAIL}"
    assert trail["IsMultiRegionTrail"] is True
    assert trail["IsOrganizationTrail"] is True
    assert trail["HomeRegion"] == "us-east-1"
    assert cloudtrail.get_trail_status(Name=DEFAULT_TRAIL)["IsLogging"] is True
    assert [t["Name"] for t in cloudtrail.describe_trails(trailNameList=[trail["TrailARN"]])["trailList"]] \
        == [DEFAULT_TRAIL]


def test_trails_start_stop_selectors_and_errors(cloudtrail):
    name = unique("trail")
    arn = cloudtrail.create_trail(Name=name, S3BucketName="audit-exports")["TrailARN"]
    cloudtrail.start_logging(Name=name)
    assert cloudtrail.get_trail_status(Name=arn)["IsLogging"] is True
    cloudtrail.stop_logging(Name=arn)
    assert cloudtrail.get_trail_status(Name=name)["IsLogging"] is False

    selectors = [{"ReadWriteType": "ReadOnly", "IncludeManagementEvents": True,
                  "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::reports/"]}]}]
    cloudtrail.put_event_selectors(TrailName=name, EventSelectors=selectors)
    got = cloudtrail.get_event_selectors(TrailName=name)
    assert got["TrailARN"] == arn
    assert got["EventSelectors"][0]["ReadWriteType"] == "ReadOnly"
    assert got["EventSelectors"][0]["DataResources"] == selectors[0]["DataResources"]

    with pytest.raises(ClientError) as missing:
        cloudtrail.delete_trail(Name=unique("missing"))
    assert error_code(missing) == "TrailNotFoundException"
    with pytest.raises(ClientError) as taken:
        cloudtrail.create_trail(Name=name, S3BucketName="audit-exports")
    assert error_code(taken) == "TrailAlreadyExistsException"
    with pytest.raises(ClientError) as too_many:
        cloudtrail.lookup_events(MaxResults=51)
    assert error_code(too_many) == "InvalidMaxResultsException"
    cloudtrail.delete_trail(Name=name)


def test_lookup_events_pages_through_iam_calls(server, cloudtrail):
    iam = server.client("iam")
    names = [unique("looked-up") for _ in range(3)]
    for name in names:
        iam.create_user(UserName=name)
    pages = cloudtrail.get_paginator("lookup_events").paginate(
        LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "CreateUser"}],
        PaginationConfig={"PageSize": 1})
    events = [event for page in pages for event in page["Events"]]
    recorded = [json.loads(event["CloudTrailEvent"]) for event in events]
    for name in names:
        assert any(r["requestParameters"]["userName"] == name for r in recorded)
    assert all(event["EventName"] == "CreateUser" and event["ReadOnly"] == "false" for event in events)
    assert all(r["eventSource"] == "iam.amazonaws.com" for r in recorded)


@pytest.mark.skipif(aws_cli_path() is None, reason="AWS CLI v2 is not installed")
def test_cli_lookup_events_by_event_name(server):
    name = unique("cli-user")
    server.client("iam").create_user(UserName=name)
    _, found = server.aws_cli("cloudtrail", "lookup-events", "--lookup-attributes",
                              "AttributeKey=EventName,AttributeValue=CreateUser")
    assert found["Events"], found
    assert all(event["EventName"] == "CreateUser" for event in found["Events"])
    assert any(name in event["CloudTrailEvent"] for event in found["Events"])

    code, error = server.aws_cli("cloudtrail", "lookup-events", "--lookup-attributes",
                                 "AttributeKey=EventName,AttributeValue=CreateUser",
                                 "AttributeKey=Username,AttributeValue=admin", check=False)
    assert code != 0 and "InvalidLookupAttributesException" in error
