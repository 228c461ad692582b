import Foundation
import IntuneApps

/// Records install results for one app: creates device statuses, updates them, and links them to a user.
public struct InstallStatusSync: Sendable {
    let client: GraphClient
    let appID: String

    public init(client: GraphClient, appID: String) {
        self.client = client
        self.appID = appID
    }

    /// Creates a device status under the app.
    public func report(deviceName: String, state: ResultantAppState, at time: Date) async throws -> MobileAppInstallStatus {
        let status = MobileAppInstallStatus {
            $0.deviceName = deviceName
            $0.lastSyncDateTime = DateTimeOffset(time)
            $0.installState = state
        }
        return try await client.deviceAppManagement.mobileApps.byMobileAppId(appID).deviceStatuses.post(status)
    }

    /// Changes only the error code of a user's device status; clears its OS description with an explicit null.
    public func recordFailure(userStatusID: String, deviceStatusID: String, errorCode: Int32) async throws -> MobileAppInstallStatus {
        var changes = MobileAppInstallStatus { $0.errorCode = errorCode }
        changes.setNull("osDescription")
        return try await client.deviceAppManagement.mobileApps.byMobileAppId(appID)
            .userStatuses.byUserAppInstallStatusId(userStatusID)
            .deviceStatuses.byMobileAppInstallStatusId(deviceStatusID)
            .patch(changes)
    }

    /// The device name of a status, read through any builder that reads one: the app's own statuses or a user's.
    public static func deviceName(of status: some ReadingRequestBuilder<MobileAppInstallStatus>) async throws -> String? {
        try await status.get().deviceName
    }

    /// Links an existing device status to a user's statuses.
    public func link(deviceStatusID: String, toUserStatus userStatusID: String) async throws {
        let target = "\(client.baseURL)/deviceAppManagement/mobileApps/\(appID)/deviceStatuses/\(deviceStatusID)"
        try await client.deviceAppManagement.mobileApps.byMobileAppId(appID)
            .userStatuses.byUserAppInstallStatusId(userStatusID)
            .deviceStatuses.ref.post(ReferenceCreate(odataId: target))
    }
}
